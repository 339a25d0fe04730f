package org.mmeb.eval.data.images;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * The most bytes one image may take once read or expanded. An archive entry's declared size can lie
 * (a 3 MB zip expands to 2.5 GB of zeros), so reading stops at the cap rather than trusting it. No
 * real image comes near: Pillow's own pixel limit (179 MP) as 24-bit BMP is 537 MB, as PNG or JPEG
 * far less, and every MMEB image is under 20 MB.
 */
public final class ImageBytes {
  public static final long MAX_BYTES = 256L << 20;

  private ImageBytes() {}

  /** Reads the whole stream, refusing more than {@link #MAX_BYTES}. */
  static byte[] readCapped(InputStream in, String what) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(what, "more than " + MAX_BYTES);
    }
    return bytes;
  }

  /**
   * As {@link #readCapped(InputStream, String)}, into one array of the {@code declared} size (what
   * the file system or the archive says, -1 when unknown) when the stream holds exactly that: no
   * chunked reads and final copy. A stream that holds more is read on under the same cap.
   */
  static byte[] readCapped(InputStream in, String what, long declared) throws IOException {
    if (declared < 0 || declared > MAX_BYTES) {
      return readCapped(in, what);
    }
    byte[] bytes = new byte[(int) declared];
    int n = in.readNBytes(bytes, 0, bytes.length);
    if (n < bytes.length) {
      return Arrays.copyOf(bytes, n);
    }
    int next = in.read();
    return next < 0 ? bytes : moreThanDeclared(in, what, bytes, next);
  }

  /** {@code head}, the byte after it and the rest of the stream, refusing more than the cap. */
  private static byte[] moreThanDeclared(InputStream in, String what, byte[] head, int next)
      throws IOException {
    byte[] rest = in.readNBytes((int) (MAX_BYTES - head.length));
    long total = head.length + 1L + rest.length;
    if (total > MAX_BYTES) {
      throw tooLarge(what, "more than " + MAX_BYTES);
    }
    byte[] bytes = Arrays.copyOf(head, (int) total);
    bytes[head.length] = (byte) next;
    System.arraycopy(rest, 0, bytes, head.length + 1, rest.length);
    return bytes;
  }

  /** Refuses a size stated up front (a file's length, a tar header) above the cap. */
  static void checkDeclared(long size, String what) throws IOException {
    if (size > MAX_BYTES) {
      throw tooLarge(what, Long.toString(size));
    }
  }

  private static IOException tooLarge(String what, String size) {
    return new IOException(
        String.format(
            Locale.ROOT,
            "%s expands to %s bytes, above the limit of %d MB for one image",
            what,
            size,
            MAX_BYTES >> 20));
  }
}
