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
      int blockLength = length(src, "block");
      if (blockLength > out.length - written) {
        throw new IOException(
            "a block claims "
                + blockLength
                + " bytes, the page has "
                + (out.length - written)
                + " left");
      }
      int blockEnd = written + blockLength;
      while (written < blockEnd) {
        int chunkLength = length(src, "chunk");
        if (chunkLength > src.remaining()) {
          throw new IOException(
              "a chunk claims " + chunkLength + " bytes, " + src.remaining() + " are left");
        }
        written +=
            chunks.decompress(in, src.position(), chunkLength, out, written, blockEnd - written);
        src.position(src.position() + chunkLength);
      }
    }
    if (written != out.length) {
      throw new IOException(
          "page decompresses to " + written + " bytes, its header gives " + out.length);
    }
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
