package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.synth.ParquetTableWriter;
import org.mmeb.eval.data.synth.SyntheticBenchmark;

/**
 * Rows of the untrusted-input table about results: an empty table and an unknown benchmark used to
 * exit 0 writing "NaN" scores or "results: null"; a run.json edited to main_score 57 was ranked
 * first with Overall 842.9; result files were written 0600.
 */
class ResultsIntegrityTest {
  @TempDir static Path data;
  @TempDir Path work;

  @BeforeAll
  static void synthesize() throws Exception {
    SyntheticBenchmark.write(data, 3);
  }

  private CliRun run(Path dataRoot, String benchmark, String tasks) {
    return MiniRun.of(RunCommandTest.MODEL, dataRoot, work)
        .set("--benchmark", benchmark)
        .tasks(tasks)
        .run();
  }

  private Path runFile() {
    return work.resolve("results/tiny-dual/mmeb-mini/run.json");
  }

  @Test
  void anEmptyTableIsExit2AndWritesNoScore() throws Exception {
    Path empty = work.resolve("empty");
    new ParquetTableWriter()
        .string("qry_text")
        .string("qry_img_path")
        .stringList("tgt_text")
        .stringList("tgt_img_path")
        .write(empty.resolve("MiniShapes/test-00000-of-00001.parquet"), List.of());
    Files.copy(data.resolve("images.zip"), empty.resolve("images.zip"));
    CliRun bad = run(empty, "mmeb-mini", "MiniShapes");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip())
        .isEqualTo(
            "error: MiniShapes: the data under "
                + empty
                + " has no queries (an empty table); nothing to score");
    assertThat(runFile()).doesNotExist();
  }

  @Test
  void anUnknownBenchmarkIsExit2() {
    CliRun bad = run(data, "nope", "MiniShapes");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip())
        .isEqualTo("error: no tasks for benchmark 'nope' (see: mmeb-eval tasks list)");
  }

  @Test
  void resultFilesAreReadableByAll() throws Exception {
    assertThat(run(data, "mmeb-mini", "MiniShapes").exitCode()).isZero();
    try (Stream<Path> files = Files.walk(work.resolve("results"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .as(file.toString())
            .isEqualTo("rw-r--r--");
      }
    }
  }

  @Test
  void anEditedMainScoreIsRefusedWhereverTheRunIsRead() throws Exception {
    assertThat(run(data, "mmeb-mini", "MiniShapes").exitCode()).isZero();
    String json = Files.readString(runFile());
    String edited = json.replaceFirst("\"main_score\" : [0-9.Ee-]+", "\"main_score\" : 57");
    assertThat(edited).isNotEqualTo(json);
    Files.writeString(runFile(), edited);

    CliRun board = MiniRun.leaderboard(work).run();
    assertThat(board.exitCode()).isEqualTo(2);
    assertThat(board.err().strip())
        .isEqualTo(
            "error: "
                + runFile()
                + ": dataset MiniShapes: main_score is 57.0, expected a value in [0, 1]");
  }

  @Test
  void aMainScoreEditedWithinRangeDisagreesWithItsOutcomes() throws Exception {
    assertThat(run(data, "mmeb-mini", "MiniShapes").exitCode()).isZero();
    String json = Files.readString(runFile());
    String edited =
        json.replaceFirst("\"main_score\" : [0-9.Ee-]+", "\"main_score\" : 0.999")
            .replaceFirst("\"hit@1\" : [0-9.Ee-]+", "\"hit@1\" : 0.999");
    Files.writeString(runFile(), edited);
    CliRun board = MiniRun.leaderboard(work).run();
    assertThat(board.exitCode()).isEqualTo(2);
    assertThat(board.err()).contains("main_score 0.999 is not the mean of its");
  }
}
