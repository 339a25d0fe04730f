package org.mmeb.eval.encode.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the common PNGs — 8-bit grey, grey with alpha, RGB or RGBA, not interlaced, no palette,
 * transparency or colour profile — straight to 8-bit RGB, the pixels ImageIO's reader gives for
 * them (PNG is lossless: the samples are the file's). ImageIO spends most of a small image's time
 * around the pixels (reader lookup, stream cache, image and raster objects, a copy per row); here
 * the rows are inflated and unfiltered into one array, which for RGB already is the image. Anything
 * else (or anything unexpected: a bad CRC, missing data, trailing chunks in odd order) returns
 * null, and ImageIO decodes the file as before, with its own errors.
 */
final class PlainPngDecoder {
  private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

  /**
   * Chunks that do not change the samples ImageIO returns (text, time, physical size, colour hints
   * it only records). Any other chunk — a palette, transparency, an ICC profile, an unknown one —
   * sends the file to ImageIO.
   */
  private static final Set<String> HARMLESS =
      Set.of("gAMA", "cHRM", "sRGB", "sBIT", "bKGD", "pHYs", "tIME", "tEXt", "zTXt", "iTXt");

  private PlainPngDecoder() {}

  /** The image, or null when it is not a plain PNG this decoder takes. */
  static RgbImage decode(byte[] png) {
    try {
      Header header = Header.read(png);
      if (header == null) {
        return null;
      }
      byte[] samples = compressedPixels(png, header);
      return samples == null ? null : toRgb(samples, header);
    } catch (DataFormatException | RuntimeException e) {
      return null; // ImageIO decodes it and reports what is wrong
    }
  }

  /** IHDR's fields, for the image types this decoder takes (else null). */
  private record Header(int width, int height, int channels) {
    static Header read(byte[] png) {
      ByteBuffer in = ByteBuffer.wrap(png);
      if (png.length < 33 || !in.slice(0, 8).equals(ByteBuffer.wrap(SIGNATURE))) {
        return null;
      }
      if (in.getInt(8) != 13 || !type(png, 12).equals("IHDR") || !crcMatches(png, 8, 13)) {
        return null;
      }
      int width = in.getInt(16);
      int height = in.getInt(20);
      int depth = png[24];
      int channels = channels(png[25]);
      boolean plain = depth == 8 && channels > 0 && png[26] == 0 && png[27] == 0 && png[28] == 0;
      boolean sized =
          width > 0
              && height > 0
              && (long) width * height <= ImageDecoder.MAX_PIXELS
              && (long) height * (1 + (long) width * channels) < Integer.MAX_VALUE - 8;
      return plain && sized ? new Header(width, height, channels) : null;
    }

    /** Samples per pixel of grey (0), RGB (2), grey + alpha (4), RGBA (6); 0 for the rest. */
    private static int channels(int colorType) {
      return switch (colorType) {
        case 0 -> 1;
        case 2 -> 3;
        case 4 -> 2;
        case 6 -> 4;
        default -> 0;
      };
    }

    int rowBytes() {
      return width * channels;
    }
  }

  /**
   * The unfiltered samples, row after row, from the IDAT chunks (consecutive, as the format
   * requires); null when a chunk is damaged, a palette or transparency chunk appears, the data is
   * short or long, or IEND is missing.
   */
  private static byte[] compressedPixels(byte[] png, Header header) throws DataFormatException {
    ByteArrayOutputStream idat = new ByteArrayOutputStream(png.length);
    int at = 33;
    boolean idatDone = false;
    while (at + 12 <= png.length) {
      int length = ByteBuffer.wrap(png).getInt(at);
      String type = type(png, at + 4);
      if (length < 0 || at + 12L + length > png.length || !crcMatches(png, at, length)) {
        return null;
      }
      if (type.equals("IEND")) {
        return unfiltered(inflated(idat.toByteArray(), header), header);
      }
      if (type.equals("IDAT") ? idatDone : !HARMLESS.contains(type)) {
        return null;
      }
      if (type.equals("IDAT")) {
        idat.write(png, at + 8, length);
      } else {
        idatDone = idat.size() > 0;
      }
      at += 12 + length;
    }
    return null;
  }

  /** The filtered rows, exactly {@code height × (1 + rowBytes)} bytes, or null. */
  private static byte[] inflated(byte[] zlib, Header header) throws DataFormatException {
    int size = header.height() * (1 + header.rowBytes());
    byte[] out = new byte[size];
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(zlib);
      int n = 0;
      for (int got = 1; n < size && got > 0; n += got) {
        got = inflater.inflate(out, n, size - n); // 0: finished, or needs input or a dictionary
      }
      boolean exact = n == size && (inflater.finished() || inflater.inflate(new byte[1]) == 0);
      return exact ? out : null;
    } finally {
      inflater.end();
    }
  }

  /** Undoes each row's filter (None, Sub, Up, Average, Paeth) in place of a packed array. */
  private static byte[] unfiltered(byte[] filtered, Header header) {
    if (filtered == null) {
      return null;
    }
    int row = header.rowBytes();
    int bpp = header.channels();
    byte[] out = new byte[header.height() * row];
    for (int y = 0; y < header.height(); y++) {
      int filter = filtered[y * (row + 1)];
      if (filter < 0 || filter > 4) {
        return null;
      }
      System.arraycopy(filtered, y * (row + 1) + 1, out, y * row, row);
      unfilterRow(out, y * row, y == 0 ? -1 : (y - 1) * row, row, bpp, filter);
    }
    return out;
  }

  private static void unfilterRow(byte[] out, int at, int above, int row, int bpp, int filter) {
    for (int i = 0; i < row; i++) {
      int left = i >= bpp ? out[at + i - bpp] & 0xFF : 0;
      int up = above >= 0 ? out[above + i] & 0xFF : 0;
      int upLeft = i >= bpp && above >= 0 ? out[above + i - bpp] & 0xFF : 0;
      int predicted =
          switch (filter) {
            case 1 -> left;
            case 2 -> up;
            case 3 -> (left + up) >>> 1;
            case 4 -> paeth(left, up, upLeft);
            default -> 0;
          };
      out[at + i] = (byte) (out[at + i] + predicted);
    }
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }

  /** RGB as Pillow's convert("RGB"): grey replicated, alpha dropped. */
  private static RgbImage toRgb(byte[] samples, Header header) {
    int pixels = header.width() * header.height();
    if (header.channels() == 3) {
      return new RgbImage(header.width(), header.height(), samples);
    }
    byte[] rgb = new byte[pixels * 3];
    int stride = header.channels();
    boolean grey = stride <= 2;
    for (int p = 0, s = 0; p < pixels; p++, s += stride) {
      rgb[3 * p] = samples[s];
      rgb[3 * p + 1] = samples[grey ? s : s + 1];
      rgb[3 * p + 2] = samples[grey ? s : s + 2];
    }
    return new RgbImage(header.width(), header.height(), rgb);
  }

  private static String type(byte[] png, int at) {
    return new String(png, at, 4, StandardCharsets.ISO_8859_1);
  }

  /** Whether the chunk at {@code at} with {@code length} data bytes has the CRC it declares. */
  private static boolean crcMatches(byte[] png, int at, int length) {
    CRC32 crc = new CRC32();
    crc.update(png, at + 4, 4 + length);
    return (int) crc.getValue() == ByteBuffer.wrap(png).getInt(at + 8 + length);
  }
}
