package org.mmeb.eval.encode.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

  // Per thread, reused image after image: an inflater (a new one allocates zlib's state natively
  // and frees it only when a collection finds it) and the filtered rows, which live only until
  // they are unfiltered into the image's own array.
  private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);
  private static final ThreadLocal<byte[]> FILTERED = ThreadLocal.withInitial(() -> new byte[0]);
  // a thread keeps the scratch of images up to 1024 x 1024 RGBA, not that of the largest it saw
  private static final int KEPT_SCRATCH = 4 << 20;

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
      byte[] samples = samples(png, header);
      return samples == null ? null : toRgb(samples, header);
    } catch (DataFormatException | RuntimeException e) {
      return null; // ImageIO decodes it and reports what is wrong
    }
  }

  /** IHDR's fields, for the image types this decoder takes (else null). */
  private record Header(int width, int height, int channels) {
    static Header read(byte[] png) {
      if (!startsWithHeader(png)) {
        return null;
      }
      ByteBuffer in = ByteBuffer.wrap(png);
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

    /** The PNG signature, then an intact 13-byte IHDR chunk. */
    private static boolean startsWithHeader(byte[] png) {
      return png.length >= 33
          && Arrays.equals(png, 0, 8, SIGNATURE, 0, 8)
          && lengthAt(png, 8) == 13
          && type(png, 12).equals("IHDR")
          && crcMatches(png, 8, 13);
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

  /** The unfiltered samples, row after row, or null. */
  private static byte[] samples(byte[] png, Header header) throws DataFormatException {
    byte[] zlib = idatData(png);
    byte[] filtered = zlib == null ? null : inflated(zlib, header);
    return filtered == null ? null : unfiltered(filtered, header);
  }

  /**
   * The IDAT chunks' data joined, when every chunk after IHDR is intact up to IEND, the IDAT chunks
   * are consecutive (as the format requires) and the others {@link #HARMLESS}; else null.
   */
  private static byte[] idatData(byte[] png) {
    Idat idat = new Idat();
    for (int at = 33; at + 12 <= png.length; at += 12 + lengthAt(png, at)) {
      String type = type(png, at + 4);
      if (!intact(png, at)) {
        return null;
      }
      if (type.equals("IEND")) {
        return idat.data.toByteArray();
      }
      if (!idat.take(type, png, at)) {
        return null;
      }
    }
    return null;
  }

  /** The IDAT data so far. */
  private static final class Idat {
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private boolean ended;

    /** Takes the chunk at {@code at}; false when it may not come here. */
    boolean take(String type, byte[] png, int at) {
      if (!type.equals("IDAT")) {
        ended = data.size() > 0;
        return HARMLESS.contains(type);
      }
      data.write(png, at + 8, lengthAt(png, at));
      return !ended;
    }
  }

  /** Whether the chunk at {@code at} lies inside the file and has the CRC it declares. */
  private static boolean intact(byte[] png, int at) {
    int length = lengthAt(png, at);
    return length >= 0 && at + 12L + length <= png.length && crcMatches(png, at, length);
  }

  /**
   * The filtered rows, exactly {@code height × (1 + rowBytes)} bytes at the start of this thread's
   * scratch array, or null.
   */
  private static byte[] inflated(byte[] zlib, Header header) throws DataFormatException {
    int size = header.height() * (1 + header.rowBytes());
    byte[] out = scratch(size);
    Inflater inflater = INFLATER.get();
    try {
      inflater.setInput(zlib);
      return fillsExactly(inflater, out, size) ? out : null;
    } finally {
      inflater.reset();
    }
  }

  /** This thread's scratch array, or for an image above {@link #KEPT_SCRATCH} a new one. */
  private static byte[] scratch(int size) {
    byte[] known = FILTERED.get();
    if (known.length >= size) {
      return known;
    }
    byte[] fresh = new byte[size];
    if (size <= KEPT_SCRATCH) {
      FILTERED.set(fresh);
    }
    return fresh;
  }

  /** Inflates into the first {@code size} bytes of {@code out}, with no data left over. */
  private static boolean fillsExactly(Inflater inflater, byte[] out, int size)
      throws DataFormatException {
    int n = 0;
    for (int got = 1; n < size && got > 0; n += got) {
      got = inflater.inflate(out, n, size - n); // 0: finished, or needs input or a dictionary
    }
    return n == size && (inflater.finished() || inflater.inflate(new byte[1]) == 0);
  }

  /** Undoes each row's filter (None, Sub, Up, Average, Paeth) in place of a packed array. */
  private static byte[] unfiltered(byte[] filtered, Header header) {
    int row = header.rowBytes();
    byte[] out = new byte[header.height() * row];
    for (int y = 0; y < header.height(); y++) {
      int filter = filtered[y * (row + 1)];
      if (filter < 0 || filter > 4) {
        return null;
      }
      System.arraycopy(filtered, y * (row + 1) + 1, out, y * row, row);
      unfilterRow(out, y * row, y == 0 ? -1 : (y - 1) * row, row, header.channels(), filter);
    }
    return out;
  }

  /** One row's filter undone in place; {@code above} is -1 for the first row (zeros above). */
  private static void unfilterRow(byte[] out, int at, int above, int row, int bpp, int filter) {
    switch (filter) {
      case 1 -> unfilterSub(out, at, row, bpp);
      case 2 -> unfilterUp(out, at, above, row);
      case 3, 4 -> unfilterAverageOrPaeth(out, at, above, row, bpp, filter);
      default -> {} // None: the bytes are the samples
    }
  }

  private static void unfilterSub(byte[] out, int at, int row, int bpp) {
    for (int i = bpp; i < row; i++) {
      out[at + i] += out[at + i - bpp];
    }
  }

  private static void unfilterUp(byte[] out, int at, int above, int row) {
    if (above < 0) {
      return;
    }
    for (int i = 0; i < row; i++) {
      out[at + i] += out[above + i];
    }
  }

  private static void unfilterAverageOrPaeth(
      byte[] out, int at, int above, int row, int bpp, int filter) {
    for (int i = 0; i < row; i++) {
      int left = i >= bpp ? out[at + i - bpp] & 0xFF : 0;
      int up = above >= 0 ? out[above + i] & 0xFF : 0;
      int upLeft = i >= bpp && above >= 0 ? out[above + i - bpp] & 0xFF : 0;
      int predicted = filter == 3 ? (left + up) >>> 1 : paeth(left, up, upLeft);
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

  private static int lengthAt(byte[] png, int at) {
    return ByteBuffer.wrap(png).getInt(at);
  }

  /** Whether the chunk at {@code at} with {@code length} data bytes has the CRC it declares. */
  private static boolean crcMatches(byte[] png, int at, int length) {
    CRC32 crc = new CRC32();
    crc.update(png, at + 4, 4 + length);
    return (int) crc.getValue() == ByteBuffer.wrap(png).getInt(at + 8 + length);
  }
}
