package org.mmeb.eval.data.parquet;

import io.airlift.compress.Decompressor;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Pages in Hadoop's block framing (the LZO and deprecated LZ4 codecs): blocks of a big-endian int32
 * uncompressed length, then chunks of an int32 compressed length and that many bytes, until the
 * block's length is out. Decoded straight into the page's buffer: a stream reader would allocate
 * whatever a hostile block header claims (2 GB for a 91-byte page, found by fuzzing).
 */
final class HadoopBlockFraming {
  private HadoopBlockFraming() {}

  static void decode(byte[] in, byte[] out, Decompressor chunks) throws IOException {
    ByteBuffer src = ByteBuffer.wrap(in);
    int written = 0;
    while (src.hasRemaining()) {
      int blockEnd = written + blockLength(src, out.length - written);
      written = decodeBlock(src, out, written, blockEnd, chunks);
    }
    if (written != out.length) {
      throw new IOException(
          "page decompresses to " + written + " bytes, its header gives " + out.length);
    }
  }

  /** The next block's uncompressed length, refused when it is more than the page has left. */
  private static int blockLength(ByteBuffer src, int left) throws IOException {
    int blockLength = length(src, "block");
    if (blockLength > left) {
      throw new IOException(
          "a block claims " + blockLength + " bytes, the page has " + left + " left");
    }
    return blockLength;
  }

  /** The next chunk's compressed length, refused when it is more than the page has left. */
  private static int chunkLength(ByteBuffer src) throws IOException {
    int chunkLength = length(src, "chunk");
    if (chunkLength > src.remaining()) {
      throw new IOException(
          "a chunk claims " + chunkLength + " bytes, " + src.remaining() + " are left");
    }
    return chunkLength;
  }

  /** Decompresses a block's chunks into {@code out} from {@code written} up to {@code blockEnd}. */
  private static int decodeBlock(
      ByteBuffer src, byte[] out, int written, int blockEnd, Decompressor chunks)
      throws IOException {
    while (written < blockEnd) {
      int chunkLength = chunkLength(src);
      written +=
          chunks.decompress(
              src.array(), src.position(), chunkLength, out, written, blockEnd - written);
      src.position(src.position() + chunkLength);
    }
    return written;
  }

  private static int length(ByteBuffer src, String what) throws IOException {
    if (src.remaining() < 4) {
      throw new IOException("the page ends inside a " + what + " length");
    }
    int length = src.getInt();
    if (length < 0) {
      throw new IOException("a " + what + " length is negative: " + length);
    }
    return length;
  }
}
