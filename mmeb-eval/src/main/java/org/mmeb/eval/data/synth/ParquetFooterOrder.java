package org.mmeb.eval.data.synth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Puts a written parquet footer in a canonical order. parquet-mr gathers each column chunk's
 * encodings in a {@code HashSet} of enum constants, whose iteration order follows identity hash
 * codes and so changes from one JVM run to the next; sorting the lists makes the same rows give the
 * same bytes.
 */
final class ParquetFooterOrder {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetFooterOrder() {}

  static void canonicalize(Path file) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(tail, size - 8);
      int footerLength = tail.getInt(0);
      long footerStart = size - 8 - footerLength;
      FileMetaData metadata = readFooter(channel, footerStart, footerLength);
      sortEncodings(metadata);
      writeFooter(channel, footerStart, metadata);
    }
  }

  private static FileMetaData readFooter(FileChannel channel, long start, int length)
      throws IOException {
    ByteBuffer footer = ByteBuffer.allocate(length);
    channel.read(footer, start);
    return Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
  }

  private static void sortEncodings(FileMetaData metadata) {
    for (RowGroup group : metadata.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        chunk.getMeta_data().getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
      }
    }
  }

  /** Replaces everything from {@code start} with the footer, its length and the magic. */
  private static void writeFooter(FileChannel channel, long start, FileMetaData metadata)
      throws IOException {
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
    Util.writeFileMetaData(metadata, rewritten);
    ByteBuffer end = ByteBuffer.allocate(rewritten.size() + 8).order(ByteOrder.LITTLE_ENDIAN);
    end.put(rewritten.toByteArray()).putInt(rewritten.size()).put(MAGIC).flip();
    channel.truncate(start);
    channel.write(end, start);
  }
}
