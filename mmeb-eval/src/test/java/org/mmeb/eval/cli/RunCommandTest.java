package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.result.DatasetResult;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordFile;

/** `mmeb-eval run` end to end: synthetic data, a real ONNX model on CPU, a results record. */
class RunCommandTest {
  static final String MODEL = "mmeb-eval/src/test/resources/encode/tiny/dual.json";
  @TempDir static Path data;
  @TempDir Path work;

  @BeforeAll
  static void synthesize() throws Exception {
    SyntheticBenchmark.write(data, 7);
  }

  CliRun run(String... args) {
    return CliRun.of(args);
  }

  private CliRun runMini(String... extra) {
    return run(MiniRun.of(MODEL, data, work).set("--batch-size", 16).plus(extra).argv());
  }

  @Test
  void runsEveryMiniTaskAndWritesAResultsRecord() {
    CliRun first = runMini();
    assertThat(first.exitCode()).as(first.err()).isZero();
    RunRecord record =
        RunRecordFile.read(
            ResultsLayout.runFile(work.resolve("results"), "tiny-dual", "mmeb-mini"));
    assertThat(record.datasets()).hasSize(7);
    assertThat(record.summary().partial()).isFalse();
    assertThat(record.counts().encoded()).isEqualTo(record.counts().uniqueItems()).isPositive();
    assertThat(record.counts().cacheHits()).isZero();
    for (DatasetResult d : record.datasets()) {
      assertThat(d.queries()).as(d.task()).isPositive();
      assertThat(d.mainScore()).as(d.task()).isBetween(0.0, 1.0);
      assertThat(d.outcomes().row()).hasSize(d.queries());
    }
    assertThat(record.provenance().taskFiles()).hasSize(7);
    assertThat(record.provenance().dataFiles()).isNotEmpty();
    assertThat(first.out()).contains("results: ");

    CliRun again = runMini();
    assertThat(again.exitCode()).isZero();
    RunRecord rerun =
        RunRecordFile.read(
            ResultsLayout.runFile(work.resolve("results"), "tiny-dual", "mmeb-mini"));
    assertThat(rerun.counts().encoded()).isZero();
    assertThat(rerun.counts().cacheHits()).isEqualTo(record.counts().uniqueItems());
    for (int i = 0; i < 7; i++) {
      assertThat(rerun.datasets().get(i).mainScore())
          .isEqualTo(record.datasets().get(i).mainScore());
    }
  }

  @Test
  void aSubsetOfTasksIsReportedAsPartial() {
    CliRun partial = runMini("--tasks", "MiniShapes,MiniDocs");
    assertThat(partial.exitCode()).as(partial.err()).isZero();
    RunRecord record =
        RunRecordFile.read(
            ResultsLayout.runFile(work.resolve("results"), "tiny-dual", "mmeb-mini"));
    assertThat(record.datasets())
        .extracting(DatasetResult::task)
        .containsExactly("MiniShapes", "MiniDocs");
    assertThat(record.summary().partial()).isTrue();
    assertThat(partial.out()).contains("(partial 2/7)");
  }

  @Test
  void anUnknownTaskIsOneLineAndExitCode2() {
    CliRun bad = runMini("--tasks", "NoSuchTask");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo("error: no task 'NoSuchTask' in benchmark mmeb-mini");
  }
}
