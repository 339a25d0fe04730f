package org.mmeb.eval.data.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.parquet.ParquetTable;

/**
 * Regression: synth parquet files differed between JVM runs because parquet-mr lists a column's
 * encodings in HashSet order (identity hash codes of enum constants).
 */
class ParquetFooterOrderTest {
  @TempDir Path dir;

  @Test
  void everyColumnListsItsEncodingsSortedAndTheFileStillReads() throws IOException {
    Path file = dir.resolve("t.parquet");
    new ParquetTableWriter()
        .string("text")
        .stringList("list")
        .int64("id")
        .write(
            file,
            List.of(
                Map.of("text", "a", "list", List.of("x", "y"), "id", 1L),
                Map.of("text", "b", "list", List.of(), "id", 2L)));
    byte[] bytes = Files.readAllBytes(file);
    int length =
        ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    FileMetaData footer =
        Util.readFileMetaData(
            new ByteArrayInputStream(
                Arrays.copyOfRange(bytes, bytes.length - 8 - length, bytes.length - 8)));
    for (ColumnChunk chunk : footer.getRow_groups().get(0).getColumns()) {
      List<Encoding> encodings = chunk.getMeta_data().getEncodings();
      assertThat(encodings).hasSizeGreaterThan(1);
      assertThat(encodings)
          .isSortedAccordingTo((a, b) -> Integer.compare(a.getValue(), b.getValue()));
    }
    assertThat(ParquetTable.rowCount(file)).isEqualTo(2);
    List<List<String>> lists = new java.util.ArrayList<>();
    ParquetTable.forEachRow(file, List.of("list"), row -> lists.add(row.stringList("list")));
    assertThat(lists).containsExactly(List.of("x", "y"), List.of());
  }
}
