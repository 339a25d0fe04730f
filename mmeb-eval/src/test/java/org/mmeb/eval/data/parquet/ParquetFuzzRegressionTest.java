package org.mmeb.eval.data.parquet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;

/** Findings of scripts/fuzz.sh, pinned: each is refused as bad input naming the file. */
class ParquetFuzzRegressionTest {
  @TempDir Path dir;

  @Test
  void emptyFileAskedForItsColumnsIsBadInputNotACrash() throws Exception {
    Path file = Files.write(dir.resolve("empty.parquet"), new byte[0]);
    assertThatThrownBy(() -> ParquetTable.columns(file))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(file + ": not a readable parquet file");
  }

  /**
   * DuckDB's seed mutated to an LZO page of 91 bytes whose block claims 1.5 GB (out of memory
   * before).
   */
  @Test
  void anLzoBlockClaimingGigabytesIsBadInputBeforeAnyAllocation() throws Exception {
    Path file = dir.resolve("page.parquet");
    try (var in = getClass().getResourceAsStream("/parquet/fuzz/lzo-block-claims-1.5g.parquet")) {
      Files.copy(in, file);
    }
    assertThatThrownBy(() -> ParquetTable.forEachRow(file, ParquetTable.columns(file), row -> {}))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("(a block claims 1526792192 bytes, the page has 91 left)");
  }

  /**
   * A page whose header claims more than the heap: parquet-java allocates it before reading (out of
   * memory at -Xmx921m before); refused as bad input whatever the heap.
   */
  @Test
  void aPageClaimingMoreThanTheHeapIsBadInput() throws Exception {
    Path file = dir.resolve("claims.parquet");
    try (var in = getClass().getResourceAsStream("/parquet/fuzz/page-claims-gigabytes.parquet")) {
      Files.copy(in, file);
    }
    assertThatThrownBy(() -> ParquetTable.forEachRow(file, ParquetTable.columns(file), row -> {}))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(file + ": not a readable parquet file");
  }
}
