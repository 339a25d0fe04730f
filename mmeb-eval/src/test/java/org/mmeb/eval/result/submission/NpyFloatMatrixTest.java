package org.mmeb.eval.result.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;

/** Against files written by numpy's np.save (scripts/make_npy_fixture.py). */
class NpyFloatMatrixTest {
  private static final Path FIXTURES =
      Path.of("mmeb-eval/src/test/resources/org/mmeb/eval/result/submission");
  private static final float[][] MATRIX = {{1.5f, -2f, 0.25f}, {3e-8f, 1e6f, -0.0f}};

  @TempDir Path dir;

  @Test
  void readsWhatNumpyWrote() {
    float[][] read = NpyFloatMatrix.read(FIXTURES.resolve("numpy-2x3.npy"));
    assertThat(read).isDeepEqualTo(MATRIX);
  }

  @Test
  void writesTheBytesNumpyWrites() throws Exception {
    Path ours = dir.resolve("ours.npy");
    NpyFloatMatrix.write(ours, MATRIX, 3);
    assertThat(Files.readAllBytes(ours))
        .isEqualTo(Files.readAllBytes(FIXTURES.resolve("numpy-2x3.npy")));
  }

  @Test
  void float64IsRejectedNamingTheFile() {
    assertThatThrownBy(() -> NpyFloatMatrix.read(FIXTURES.resolve("numpy-float64.npy")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("numpy-float64.npy")
        .hasMessageContaining("'<f8'");
  }

  @Test
  void aTruncatedFileNamesTheRow() throws Exception {
    byte[] full = Files.readAllBytes(FIXTURES.resolve("numpy-2x3.npy"));
    Path cut = dir.resolve("cut.npy");
    Files.write(cut, java.util.Arrays.copyOf(full, full.length - 4));
    assertThatThrownBy(() -> NpyFloatMatrix.read(cut))
        .isInstanceOf(UserError.class)
        .hasMessage(cut + ": shape (2, 3) needs 24 bytes of float32 data, the file holds 20");
  }

  /** A v1 (or v2) .npy with any header dict and {@code dataBytes} zero bytes of data. */
  private Path npy(String name, int major, String dict, int dataBytes) throws Exception {
    byte[] header = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer out =
        ByteBuffer.allocate(12 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    if (major == 1) {
      out.putShort((short) header.length);
    } else {
      out.putInt(header.length);
    }
    out.put(header);
    Path file = dir.resolve(name);
    Files.write(file, java.util.Arrays.copyOf(out.array(), out.position() + dataBytes));
    return file;
  }

  private static String dict(String shape) {
    return "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }";
  }

  @Test
  void aHeaderClaimingMoreRowsThanTheFileHoldsIsRefusedBeforeAllocating() throws Exception {
    Path file = npy("big.npy", 1, dict("50000000, 16"), 31_000);
    assertThatThrownBy(() -> NpyFloatMatrix.read(file))
        .isInstanceOf(UserError.class)
        .hasMessage(
            file
                + ": shape (50000000, 16) needs 3200000000 bytes of float32 data, the file holds"
                + " 31000");
  }

  @Test
  void aTrillionRowsOrAnOverflowingShapeIsRefused() throws Exception {
    Path trillion = npy("t.npy", 1, dict("1000000000000, 4"), 64);
    assertThatThrownBy(() -> NpyFloatMatrix.read(trillion))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("needs 16000000000000 bytes");
    Path overflow = npy("o.npy", 1, dict("9223372036854775807, 4"), 64);
    assertThatThrownBy(() -> NpyFloatMatrix.read(overflow))
        .isInstanceOf(UserError.class)
        .hasMessage(overflow + ": shape (9223372036854775807, 4) overflows");
    Path huge = npy("h.npy", 1, dict("99999999999999999999999, 4"), 64);
    assertThatThrownBy(() -> NpyFloatMatrix.read(huge))
        .isInstanceOf(UserError.class)
        .hasMessage(huge + ": shape entry '99999999999999999999999' is not a size");
  }

  @Test
  void aNegativeShapeIsRefused() throws Exception {
    Path file = npy("n.npy", 1, dict("-5, 4"), 0);
    assertThatThrownBy(() -> NpyFloatMatrix.read(file))
        .isInstanceOf(UserError.class)
        .hasMessage(file + ": negative size -5 in its shape");
  }

  @Test
  void aVersion2HeaderLengthOf4GbIsRefusedBeforeReadingIt() throws Exception {
    Path file = dir.resolve("v2.npy");
    ByteBuffer out = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(0xffffff00);
    Files.write(file, out.array());
    assertThatThrownBy(() -> NpyFloatMatrix.read(file))
        .isInstanceOf(UserError.class)
        .hasMessage(file + ": header of 4294967040 bytes (at most 65536)");
  }

  @Test
  void theManifestsShapeIsCheckedBeforeAllocating() throws Exception {
    Path file = npy("m.npy", 1, dict("2, 3"), 24);
    assertThatThrownBy(() -> NpyFloatMatrix.read(file, 5, 3))
        .isInstanceOf(UserError.class)
        .hasMessage(file + ": 2 vectors, manifest.json says 5");
    assertThatThrownBy(() -> NpyFloatMatrix.read(file, 2, 4))
        .isInstanceOf(UserError.class)
        .hasMessage(file + ": vectors of 3 dims, manifest.json says 4");
  }

  @Test
  void aSymlinkToADeviceIsNotRead() throws Exception {
    Path link = dir.resolve("zero.npy");
    Files.createSymbolicLink(link, Path.of("/dev/zero"));
    assertThatThrownBy(() -> NpyFloatMatrix.read(link))
        .isInstanceOf(UserError.class)
        .hasMessage(link + ": not a regular file");
    assertThatThrownBy(() -> org.mmeb.eval.result.FileHashes.sha256(link))
        .isInstanceOf(UserError.class)
        .hasMessage(link + ": not a regular file, cannot hash it");
  }

  @Test
  void notAnNpyFile() throws Exception {
    Path text = dir.resolve("vectors.npy");
    Files.writeString(text, "1.0 2.0 3.0\n");
    assertThatThrownBy(() -> NpyFloatMatrix.read(text)).hasMessageContaining("not a .npy file");
  }
}
