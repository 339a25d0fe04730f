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
}
