package org.mmeb.eval.data.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlift.compress.lz4.Lz4HadoopStreams;
import io.airlift.compress.lzo.LzoHadoopStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/** LZO and Hadoop-LZ4 pages as aircompressor's Hadoop stream writers frame them. */
class HadoopBlockFramingTest {
  /** 600 KB: more than one Hadoop block (256 KB), half noise and half runs. */
  private static byte[] page() {
    byte[] page = new byte[600_000];
    new Random(7).nextBytes(page);
    for (int i = 0; i < page.length; i += 2) {
      page[i] = (byte) (i / 1000);
    }
    return page;
  }

  private static byte[] framed(byte[] page, CompressionCodecName codec) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out =
        codec == CompressionCodecName.LZO
            ? new LzoHadoopStreams().createOutputStream(bytes)
            : new Lz4HadoopStreams().createOutputStream(bytes)) {
      out.write(page);
    }
    return bytes.toByteArray();
  }

  private static byte[] decompress(byte[] compressed, int size, CompressionCodecName codec)
      throws IOException {
    return new PageCodecs()
        .getDecompressor(codec)
        .decompress(BytesInput.from(compressed), size)
        .toByteArray();
  }

  @Test
  void lzoAndHadoopLz4PagesOfSeveralBlocksDecodeToTheirBytes() throws IOException {
    byte[] page = page();
    for (CompressionCodecName codec :
        new CompressionCodecName[] {CompressionCodecName.LZO, CompressionCodecName.LZ4}) {
      assertThat(decompress(framed(page, codec), page.length, codec))
          .as(codec.name())
          .isEqualTo(page);
    }
  }

  @Test
  void aBlockClaimingMoreThanThePageIsRefusedBeforeAllocating() throws IOException {
    byte[] compressed = framed(new byte[] {1, 2, 3}, CompressionCodecName.LZO);
    ByteBuffer.wrap(compressed).putInt(0, Integer.MAX_VALUE);
    assertThatThrownBy(() -> decompress(compressed, 3, CompressionCodecName.LZO))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("a block claims 2147483647 bytes, the page has 3 left");
  }

  @Test
  void aPageHeaderClaimingMoreThan256MbIsRefusedBeforeAllocating() {
    assertThatThrownBy(() -> decompress(new byte[] {0}, 300 << 20, CompressionCodecName.GZIP))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "GZIP page header gives 314572800 bytes uncompressed; a page may hold at most 256 MB");
  }

  @Test
  void aChunkLongerThanWhatIsLeftAndATruncatedPageAreRefused() throws IOException {
    byte[] compressed = framed(new byte[] {1, 2, 3}, CompressionCodecName.LZO);
    byte[] longChunk = compressed.clone();
    ByteBuffer.wrap(longChunk).putInt(4, 1 << 20);
    assertThatThrownBy(() -> decompress(longChunk, 3, CompressionCodecName.LZO))
        .hasMessageContaining("a chunk claims 1048576 bytes");
    byte[] cut = java.util.Arrays.copyOf(compressed, 6);
    assertThatThrownBy(() -> decompress(cut, 3, CompressionCodecName.LZO))
        .hasMessageContaining("the page ends inside a chunk length");
  }
}
