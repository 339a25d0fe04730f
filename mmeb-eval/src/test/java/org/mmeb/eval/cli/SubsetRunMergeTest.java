package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.result.DatasetResult;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordFile;

/**
 * `run --tasks A` after a run of the same model: run.json used to be replaced by one holding only
 * A, the other tasks' scores gone.
 */
class SubsetRunMergeTest {
  @TempDir static Path data;
  @TempDir Path work;

  @BeforeAll
  static void synthesize() throws Exception {
    SyntheticBenchmark.write(data, 7);
  }

  private CliRun run(String tasks, String... extra) {
    CliRun run = MiniRun.of(RunCommandTest.MODEL, data, work).tasks(tasks).plus(extra).run();
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  private RunRecord record() {
    return RunRecordFile.read(
        ResultsLayout.runFile(work.resolve("results"), "tiny-dual", "mmeb-mini"));
  }

  @Test
  void aSubsetRunReplacesOnlyTheTasksItRan() {
    run("MiniShapes,MiniDocs");
    RunRecord first = record();
    CliRun subset = run("MiniShapes");
    RunRecord merged = record();

    assertThat(subset.err() + subset.out()).contains("keeping 1 task(s)").contains("MiniDocs");
    assertThat(merged.datasets())
        .extracting(DatasetResult::task)
        .containsExactly("MiniDocs", "MiniShapes"); // the registry's order
    assertThat(dataset(merged, "MiniDocs"))
        .usingRecursiveComparison()
        .isEqualTo(dataset(first, "MiniDocs"));
    assertThat(dataset(merged, "MiniShapes").counts().cacheHits()).isPositive();
    assertThat(merged.summary().present()).isEqualTo(2);
    assertThat(merged.provenance().taskFiles()).containsKeys("MiniShapes", "MiniDocs");
    assertThat(work.resolve("results/tiny-dual/mmeb-mini/vlm2vec/MiniDocs_score.json")).exists();
  }

  private static DatasetResult dataset(RunRecord record, String task) {
    return record.datasets().stream().filter(d -> d.task().equals(task)).findFirst().orElseThrow();
  }

  @Test
  void aRunOfAnotherModelVersionMovesTheEarlierRecordAside() throws Exception {
    run("MiniShapes,MiniDocs");
    CliRun other = run("MiniShapes", "--similarity", "dot");
    assertThat(other.err() + other.out()).contains("kept as");
    assertThat(record().datasets()).extracting(DatasetResult::task).containsExactly("MiniShapes");
    try (Stream<Path> files = Files.list(work.resolve("results/tiny-dual/mmeb-mini"))) {
      Path aside =
          files
              .filter(p -> p.getFileName().toString().matches("run\\..+\\.cosine\\.json"))
              .findFirst()
              .orElseThrow();
      assertThat(RunRecordFile.read(aside).datasets()).hasSize(2);
    }
  }
}
