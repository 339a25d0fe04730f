package org.mmeb.eval.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.score.DatasetScore;
import org.mmeb.eval.score.TaskScorer;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

class RunRecordFileTest {
  @TempDir Path root;
  private RunRecord record;
  private Path runFile;

  /** Two of the 36 V1 tasks scored on tiny in-code data: a partial V1 run. */
  @BeforeEach
  void writeARun() throws Exception {
    TaskRegistry registry = TaskRegistry.load(Path.of("tasks"), List.of());
    RunRecordBuilder run =
        new RunRecordBuilder("mmeb-v1", registry.benchmark("mmeb-v1"))
            .model("org/tiny model", "sha256:abc", null, "cosine")
            .device("cpu");
    for (String name : List.of("ImageNet-1K", "CIRR")) {
      TaskRegistry.LoadedTask task = registry.find("mmeb-v1", name).orElseThrow();
      run.taskFile(name, task.file());
      DatasetScore score = TaskScorer.score(tinyData(task.spec()).ranking(), key -> vectorOf(key));
      run.dataset(
          task.spec(), score, StageTimings.ofNanos(1, 2, 3, 4, 10), new RunCounts(4, 5, 1, 4));
    }
    record = run.build();
    runFile = ResultsLayout.write(root, record);
  }

  private static TaskData tinyData(TaskSpec spec) {
    List<QueryRow> rows = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      List<Item> candidates =
          List.of(Item.textOnly("c" + r, "x"), Item.textOnly("c" + (r + 1), "y"));
      rows.add(new QueryRow(r, Item.textOnly("q" + r, "q"), candidates, Map.of("c" + r, 1.0)));
    }
    return new TaskData(spec, rows, List.of(), null);
  }

  private static float[] vectorOf(String key) {
    int n = Integer.parseInt(key.substring(1));
    return key.startsWith("q") ? new float[] {1, n % 2} : new float[] {1, n % 3};
  }

  @Test
  void runJsonRoundTripsWithProvenanceAndOutcomes() {
    assertThat(runFile).isEqualTo(root.resolve("org__tiny_model/mmeb-v1/run.json"));
    RunRecord read = RunRecordFile.read(runFile);
    assertThat(read.schemaVersion()).isEqualTo(1);
    assertThat(read.model().name()).isEqualTo("org/tiny model");
    assertThat(read.provenance().taskFiles()).containsOnlyKeys("ImageNet-1K", "CIRR");
    assertThat(read.provenance().taskFiles().get("CIRR")).startsWith("sha256:").hasSize(71);
    assertThat(read.provenance().javaVersion()).isEqualTo(System.getProperty("java.version"));
    assertThat(read.provenance().gitCommit()).isNotBlank();
    assertThat(read.counts()).isEqualTo(new RunCounts(8, 10, 2, 8));
    assertThat(read.summary().partial()).isTrue();
    assertThat(read.summary().present()).isEqualTo(2);
    assertThat(read.summary().expected()).isEqualTo(36);
    assertThat(read.summary().groups().get(0).display()).endsWith("(partial 2/36)");
    // regression: a group without datasets was written as the string "NaN"
    assertThat(read.summary().groups())
        .filteredOn(g -> g.present() == 0)
        .isNotEmpty()
        .allSatisfy(g -> assertThat(g.meanPercent()).isNull());
    assertThat(runFileText()).doesNotContain("NaN");
    DatasetResult first = read.datasets().get(0);
    DatasetResult written = record.datasets().get(0);
    assertThat(first.metrics()).isEqualTo(written.metrics());
    assertThat(first.outcomes().firstPositiveRank())
        .containsExactly(written.outcomes().firstPositiveRank());
    assertThat(first.outcomes().mainValue()).containsExactly(written.outcomes().mainValue());
    assertThat(first.ci()).isEqualTo(written.ci());
  }

  @Test
  void vlm2vecShapedFilesAreWrittenNextToTheRun() {
    Path dir = runFile.getParent().resolve("vlm2vec");
    Vlm2VecScore score = Vlm2VecScoreFile.read(dir.resolve("CIRR_score.json"));
    assertThat(score.numData()).isEqualTo(4);
    assertThat(score.metric("hit@1")).isEqualTo(record.datasets().get(1).mainScore());
    Vlm2VecReport report = Vlm2VecReportFile.read(dir.resolve("org__tiny_model.json"));
    assertThat(report.metrics().get("image")).containsOnlyKeys("ImageNet-1K", "CIRR");
  }

  @Test
  void anUnknownSchemaVersionIsRejectedWithAClearMessage() throws Exception {
    Files.writeString(
        runFile,
        Files.readString(runFile).replace("\"schema_version\" : 1", "\"schema_version\" : 2"));
    assertThatThrownBy(() -> RunRecordFile.read(runFile))
        .isInstanceOf(UserError.class)
        .hasMessage(
            runFile
                + ": schema_version 2 is not supported (this mmeb-eval reads version 1); use the mmeb-eval version that wrote it");
  }

  @Test
  void aFileWithoutSchemaVersionIsNotARunRecord() throws Exception {
    Files.writeString(runFile, "{\"benchmark\": \"mmeb-v1\"}");
    assertThatThrownBy(() -> RunRecordFile.read(runFile))
        .hasMessage(runFile + ": not an mmeb-eval run record (no integer schema_version)");
  }

  @Test
  void unknownFieldsAreRejected() throws Exception {
    Files.writeString(
        runFile,
        Files.readString(runFile).replace("\"benchmark\" :", "\"bench\" : 1, \"benchmark\" :"));
    assertThatThrownBy(() -> RunRecordFile.read(runFile))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("invalid run record")
        .hasMessageContaining("bench");
  }

  @Test
  void gitCommitIsReadFromTheCheckout() {
    String commit = GitCommit.of(Path.of(""));
    assertThat(commit).matches("[0-9a-f]{40}|unknown");
  }

  private String runFileText() {
    try {
      return java.nio.file.Files.readString(runFile);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
