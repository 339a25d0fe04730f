package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmeb.eval.FileTrees;
import org.mmeb.eval.data.parquet.DuckDb;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.result.DatasetResult;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordFile;

/**
 * mmeb-mini as another writer would ship it: every table rewritten by DuckDB (Snappy, zstd, gzip,
 * tiny row groups) must give exactly the scores, metrics and per-query outcomes of the original,
 * and every item must hit the embedding cache built on the original (the same items were read).
 */
class RecompressedMiniRunTest {
  @TempDir static Path work;
  static RunRecord original;

  @BeforeAll
  static void runOnTheOriginal() throws IOException {
    SyntheticBenchmark.write(work.resolve("original"), 5);
    original = run(work.resolve("original"), "original");
    assertThat(original.counts().encoded()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "COMPRESSION snappy",
        "COMPRESSION zstd",
        "COMPRESSION gzip",
        "COMPRESSION snappy, ROW_GROUP_SIZE_BYTES 100"
      })
  void aDuckDbRewriteScoresExactlyAsTheOriginal(String copyOptions) throws IOException {
    Path data = work.resolve(copyOptions.replaceAll("[^a-z0-9]+", "-").toLowerCase());
    FileTrees.copy(work.resolve("original"), data);
    DuckDb.rewriteAll(data, copyOptions);
    RunRecord rewritten = run(data, data.getFileName().toString());
    assertThat(rewritten.counts().encoded()).isZero();
    assertThat(rewritten.counts().cacheHits()).isEqualTo(original.counts().uniqueItems());
    assertThat(rewritten.datasets()).hasSameSizeAs(original.datasets()).hasSize(7);
    for (int i = 0; i < original.datasets().size(); i++) {
      DatasetResult expected = original.datasets().get(i);
      DatasetResult actual = rewritten.datasets().get(i);
      assertThat(actual.task()).isEqualTo(expected.task());
      assertThat(actual.mainScore()).as(actual.task()).isEqualTo(expected.mainScore());
      assertThat(actual.metrics()).as(actual.task()).isEqualTo(expected.metrics());
      assertThat(actual.outcomes().row()).isEqualTo(expected.outcomes().row());
      assertThat(actual.outcomes().firstPositiveRank())
          .as(actual.task())
          .isEqualTo(expected.outcomes().firstPositiveRank());
    }
  }

  private static RunRecord run(Path data, String name) {
    Path out = work.resolve("results-" + name);
    CliRun run = MiniRun.of(RunCommandTest.MODEL, data, work).set("--out", out).run();
    assertThat(run.exitCode()).as(run.err()).isZero();
    return RunRecordFile.read(ResultsLayout.runFile(out, "tiny-dual", "mmeb-mini"));
  }
}
