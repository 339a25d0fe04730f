package org.mmeb.eval.encode.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.images.ImageBytes;
import org.mmeb.eval.data.images.ZipImageStore;

/**
 * Images a stranger can hand us: a PNG declaring 26000 x 26000 pixels (OOM before), a zip entry
 * expanding far beyond its size (OOM before), a JPEG cut to 60% (accepted before; Pillow: "image
 * file is truncated").
 */
class HostileImagesTest {
  @TempDir Path dir;

  /** A valid PNG whose header declares {@code side x side} 1-bit grey pixels, all zero. */
  static byte[] pngDeclaring(int side, int rowsOfData) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream h = new DataOutputStream(ihdr);
    h.writeInt(side);
    h.writeInt(side);
    h.write(new byte[] {1, 0, 0, 0, 0}); // bit depth 1, grey, deflate, filter 0, no interlace
    chunk(png, "IHDR", ihdr.toByteArray());
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    try (OutputStream z = new DeflaterOutputStream(idat, new Deflater(1))) {
      z.write(new byte[rowsOfData * (1 + (side + 7) / 8)]);
    }
    chunk(png, "IDAT", idat.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(data.length);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    d.write(typeBytes);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }

  static byte[] noiseJpeg() throws IOException {
    BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(3);
    for (int y = 0; y < 96; y++) {
      for (int x = 0; x < 96; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  @Test
  void aPngDeclaringMorePixelsThanPillowAllowsIsRefusedFromItsHeader() throws Exception {
    assertThatThrownBy(() -> ImageDecoder.decode(pngDeclaring(26000, 1)))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "image of 26000 x 26000 = 676000000 pixels is above the limit of 178956970 (Pillow's"
                + " DecompressionBombError)");
    assertThat(ImageDecoder.decode(pngDeclaring(64, 64)).width()).isEqualTo(64);
  }

  @Test
  void aJpegCutTo60PercentIsRefusedAsPillowDoes() throws Exception {
    byte[] whole = noiseJpeg();
    assertThat(ImageDecoder.decode(whole).width()).isEqualTo(96);
    byte[] cut = Arrays.copyOf(whole, whole.length * 6 / 10);
    assertThatThrownBy(() -> ImageDecoder.decode(cut))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("image file is truncated");
  }

  @Test
  void aTruncatedPngIsRefused() throws Exception {
    byte[] whole = pngDeclaring(64, 64);
    byte[] cut = Arrays.copyOf(whole, whole.length - 30);
    assertThatThrownBy(() -> ImageDecoder.decode(cut)).isInstanceOf(IOException.class);
  }

  @Test
  void aZipEntryExpandingPastTheCapIsRefusedWithoutReadingItAll() throws Exception {
    Path zip = dir.resolve("bomb.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.setLevel(1);
      out.putNextEntry(new ZipEntry("bomb.png"));
      byte[] zeros = new byte[1 << 20];
      for (long written = 0; written <= ImageBytes.MAX_BYTES; written += zeros.length) {
        out.write(zeros);
      }
      out.closeEntry();
    }
    assertThat(Files.size(zip)).isLessThan(2L << 20);
    try (ZipImageStore store = new ZipImageStore(zip)) {
      assertThatThrownBy(() -> store.read("bomb.png"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("bomb.png expands to ")
          .hasMessageContaining("above the limit of 256 MB for one image");
    }
  }
}
