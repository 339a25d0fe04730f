package org.mmeb.eval.data.parquet;

import io.airlift.compress.Compressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.lzo.LzoDecompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.brotli.dec.BrotliInputStream;

/**
 * Parquet page codecs in plain Java: aircompressor (Snappy, zstd, LZ4, LZO), the JDK's zlib (gzip)
 * and Google's Brotli decoder. parquet-java's own codec path builds a Hadoop {@code Configuration}
 * (which needs Woodstox, commons-configuration and more) and native libraries; this one needs
 * neither. Every codec of the format can be read; UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW can
 * be written. One instance per file reader or writer: the zstd decoder keeps state.
 */
public final class PageCodecs implements CompressionCodecFactory {
  /**
   * The most one page may decompress to: pages are about 1 MB as writers cut them and grow only to
   * hold one large value (an image), and 256 MB is the cap an archive entry gets too.
   */
  static final int MAX_PAGE_BYTES = 256 << 20;

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return new PageDecompressor(codec, decoderFor(codec));
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return new PageCompressor(codec, encoderFor(codec));
  }

  @Override
  public void release() {}

  /** Decodes one whole page into an array of exactly the size the page header gives. */
  @FunctionalInterface
  private interface PageDecoder {
    void decode(byte[] compressed, byte[] out) throws IOException;
  }

  @FunctionalInterface
  private interface PageEncoder {
    byte[] encode(byte[] page) throws IOException;
  }

  private static PageDecoder decoderFor(CompressionCodecName codec) {
    return switch (codec) {
      case UNCOMPRESSED -> PageCodecs::copy;
      case SNAPPY -> block(new SnappyDecompressor());
      case ZSTD -> block(new ZstdDecompressor());
      case LZ4_RAW -> block(new Lz4Decompressor());
      case GZIP -> (in, out) -> readFully(new GZIPInputStream(new ByteArrayInputStream(in)), out);
      case BROTLI ->
          (in, out) -> readFully(new BrotliInputStream(new ByteArrayInputStream(in)), out);
      case LZO -> (in, out) -> HadoopBlockFraming.decode(in, out, new LzoDecompressor());
      case LZ4 -> PageCodecs::hadoopOrRawLz4;
    };
  }

  private static PageEncoder encoderFor(CompressionCodecName codec) {
    return switch (codec) {
      case UNCOMPRESSED -> page -> page;
      case SNAPPY -> block(new SnappyCompressor());
      case ZSTD -> block(new ZstdCompressor());
      case LZ4_RAW -> block(new Lz4Compressor());
      case GZIP -> PageCodecs::gzip;
      default ->
          throw new UnsupportedOperationException(
              "writing "
                  + codec
                  + " pages is not supported (UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW)");
    };
  }

  private static void copy(byte[] in, byte[] out) throws IOException {
    requireSize(in.length, out.length);
    System.arraycopy(in, 0, out, 0, in.length);
  }

  private static PageDecoder block(io.airlift.compress.Decompressor decompressor) {
    return (in, out) ->
        requireSize(decompressor.decompress(in, 0, in.length, out, 0, out.length), out.length);
  }

  private static PageEncoder block(Compressor compressor) {
    return page -> {
      byte[] out = new byte[compressor.maxCompressedLength(page.length)];
      return Arrays.copyOf(out, compressor.compress(page, 0, page.length, out, 0, out.length));
    };
  }

  private static byte[] gzip(byte[] page) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(page.length / 2 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(page);
    }
    return out.toByteArray();
  }

  /**
   * The deprecated LZ4 codec: Hadoop's block framing (parquet-java, old Arrow releases wrote raw
   * blocks under the same codec id, so those are accepted too, as Arrow does).
   */
  private static void hadoopOrRawLz4(byte[] in, byte[] out) throws IOException {
    try {
      HadoopBlockFraming.decode(in, out, new Lz4Decompressor());
    } catch (IOException | RuntimeException hadoopFramingFailed) {
      block(new Lz4Decompressor()).decode(in, out);
    }
  }

  private static void readFully(InputStream stream, byte[] out) throws IOException {
    try (stream) {
      int n = stream.readNBytes(out, 0, out.length);
      requireSize(n, out.length);
      if (stream.read() != -1) {
        throw new IOException(
            "page decompresses to more than the " + out.length + " bytes its header gives");
      }
    }
  }

  private static void requireSize(int actual, int expected) throws IOException {
    if (actual != expected) {
      throw new IOException(
          "page decompresses to " + actual + " bytes, its header gives " + expected);
    }
  }

  private static final class PageDecompressor implements BytesInputDecompressor {
    private final CompressionCodecName codec;
    private final PageDecoder decoder;

    PageDecompressor(CompressionCodecName codec, PageDecoder decoder) {
      this.codec = codec;
      this.decoder = decoder;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
      requirePageSize(decompressedSize);
      byte[] out = new byte[decompressedSize];
      decode(bytes.toByteArray(), out);
      return BytesInput.from(out);
    }

    @Override
    public void decompress(
        ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
        throws IOException {
      requirePageSize(decompressedSize);
      byte[] in = new byte[compressedSize];
      input.get(in);
      byte[] out = new byte[decompressedSize];
      decode(in, out);
      output.put(out);
    }

    /** A hostile header can claim 2 GB for a page of a few bytes: refused before allocating. */
    private void requirePageSize(int decompressedSize) throws IOException {
      if (decompressedSize < 0 || decompressedSize > MAX_PAGE_BYTES) {
        throw new IOException(
            codec
                + " page header gives "
                + decompressedSize
                + " bytes uncompressed; a page may hold at most "
                + MAX_PAGE_BYTES / (1 << 20)
                + " MB");
      }
    }

    private void decode(byte[] in, byte[] out) throws IOException {
      try {
        decoder.decode(in, out);
      } catch (IOException | RuntimeException e) {
        throw new IOException(codec + " page cannot be decompressed: " + e.getMessage(), e);
      }
    }

    @Override
    public void release() {}
  }

  private static final class PageCompressor implements BytesInputCompressor {
    private final CompressionCodecName codec;
    private final PageEncoder encoder;

    PageCompressor(CompressionCodecName codec, PageEncoder encoder) {
      this.codec = codec;
      this.encoder = encoder;
    }

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      return BytesInput.from(encoder.encode(bytes.toByteArray()));
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {}
  }
}
