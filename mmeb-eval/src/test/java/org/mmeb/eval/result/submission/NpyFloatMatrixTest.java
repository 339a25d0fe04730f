package org.mmeb.eval.result.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        .hasMessage(cut + ": ends at row 1 of 2 (truncated)");
  }

  @Test
  void notAnNpyFile() throws Exception {
    Path text = dir.resolve("vectors.npy");
    Files.writeString(text, "1.0 2.0 3.0\n");
    assertThatThrownBy(() -> NpyFloatMatrix.read(text)).hasMessageContaining("not a .npy file");
  }
}
