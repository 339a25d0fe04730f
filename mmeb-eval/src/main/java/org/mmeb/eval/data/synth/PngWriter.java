package org.mmeb.eval.data.synth;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG encoder (8-bit RGB, no filter, fixed deflate level, no metadata chunks), so the
 * same pixels always give the same bytes whatever ImageIO plugin is installed.
 */
final class PngWriter {
  private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

  private PngWriter() {}

  static byte[] encode(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(SIGNATURE);
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(header);
      h.writeInt(image.getWidth());
      h.writeInt(image.getHeight());
      h.write(new byte[] {8, 2, 0, 0, 0});
      chunk(out, "IHDR", header.toByteArray());
      chunk(out, "IDAT", pixels(image));
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] pixels(BufferedImage image) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(6);
    try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater)) {
      int width = image.getWidth();
      byte[] line = new byte[1 + 3 * width];
      int[] row = new int[width];
      for (int y = 0; y < image.getHeight(); y++) {
        z.write(scanline(image, y, row, line));
      }
    } finally {
      deflater.end();
    }
    return compressed.toByteArray();
  }

  /** Row {@code y} as {@code line}: filter byte 0 (none), then red, green, blue of each pixel. */
  private static byte[] scanline(BufferedImage image, int y, int[] row, byte[] line) {
    image.getRGB(0, y, row.length, 1, row, 0, row.length);
    for (int x = 0; x < row.length; x++) {
      int rgb = row[x];
      line[1 + 3 * x] = (byte) (rgb >> 16);
      line[2 + 3 * x] = (byte) (rgb >> 8);
      line[3 + 3 * x] = (byte) rgb;
    }
    return line;
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    d.writeInt(data.length);
    d.write(typeBytes);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
