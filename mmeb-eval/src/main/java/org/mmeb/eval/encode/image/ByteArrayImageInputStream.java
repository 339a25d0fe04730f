package org.mmeb.eval.encode.image;

import java.io.IOException;
import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO stream over image bytes already in memory. {@code ImageIO.createImageInputStream} on a
 * byte array stream copies the bytes again into its memory cache, block by block; this reads them
 * where they are. Like that stream it does not report a length, so readers behave the same.
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {
  private final byte[] bytes;

  ByteArrayImageInputStream(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int read() throws IOException {
    checkClosed();
    bitOffset = 0;
    return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    checkClosed();
    Objects.checkFromIndexSize(off, len, b.length);
    bitOffset = 0;
    int n = (int) Math.min(len, Math.max(0, bytes.length - streamPos));
    if (n == 0) {
      return len == 0 ? 0 : -1;
    }
    System.arraycopy(bytes, (int) streamPos, b, off, n);
    streamPos += n;
    return n;
  }
}
