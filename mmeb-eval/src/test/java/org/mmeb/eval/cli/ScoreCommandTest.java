package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.data.TaskReaders;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.result.DatasetResult;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordFile;
import org.mmeb.eval.result.submission.SubmissionWriter;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/**
 * {@code mmeb-eval score} over {@code data synth} output: an oracle submission (each query's vector
 * is its best positive's vector, every candidate a random vector) must get hit@1 = 1 on every task,
 * and the run must be written as a valid results record.
 */
class ScoreCommandTest {
  private static final int DIMS = 16;
  @TempDir static Path data;
  @TempDir static Path submissions;
  @TempDir Path work;
  private static final Map<String, TaskData> tasks = new HashMap<>();
  private static Path oracle;

  @BeforeAll
  static void synthesize() throws Exception {
    SyntheticBenchmark.write(data, 5);
    oracle = oracleSubmission(submissions.resolve("oracle"));
  }

  private static float[] randomVector(String key) {
    Random random = new Random(key.hashCode());
    float[] v = new float[DIMS];
    for (int d = 0; d < DIMS; d++) {
      v[d] = (float) random.nextGaussian();
    }
    return v;
  }

  private static Path oracleSubmission(Path dir) throws Exception {
    SubmissionWriter writer = new SubmissionWriter(dir, "oracle", DIMS, "cosine");
    for (TaskSpec spec : TaskRegistry.load(Path.of("tasks"), List.of()).benchmark("mmeb-mini")) {
      TaskData task = TaskReaders.read(spec, data);
      tasks.put(spec.name(), task);
      List<String> keys = new ArrayList<>();
      task.rows().forEach(r -> r.candidates().forEach(c -> keys.add(c.key())));
      task.globalCandidates().forEach(c -> keys.add(c.key()));
      List<String> unique = keys.stream().distinct().toList();
      float[][] queries =
          task.rows().stream().map(r -> randomVector(bestPositive(r))).toArray(float[][]::new);
      float[][] candidates =
          unique.stream().map(ScoreCommandTest::randomVector).toArray(float[][]::new);
      writer.task(spec.name(), queries, unique, candidates);
    }
    writer.finish();
    return dir;
  }

  private static String bestPositive(QueryRow row) {
    return row.relevance().entrySet().stream()
        .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow()
        .getKey();
  }

  CliRun score(String... args) {
    return CliRun.of(args);
  }

  @Test
  void anOracleSubmissionScoresPerfectlyAndWritesARunRecord() throws Exception {
    Path submission = oracle;
    Path results = work.resolve("results");

    CliRun run = score(MiniRun.score(submission, data, work).set("--bootstrap", 200).argv());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Path runFile = results.resolve("oracle/mmeb-mini/run.json");
    assertThat(run.out()).contains("results: " + runFile).contains("overall");
    RunRecord record = RunRecordFile.read(runFile);
    assertThat(record.benchmark()).isEqualTo("mmeb-mini");
    assertThat(record.summary().partial()).isFalse();
    assertThat(record.datasets()).hasSize(7);
    Map<String, Double> hitAt1 = new HashMap<>();
    for (DatasetResult d : record.datasets()) {
      List<QueryRow> rows = tasks.get(d.task()).rows();
      assertThat(d.outcomes().row()).hasSize(rows.size());
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < rows.size(); i++) {
        // a row repeating an earlier query item shares that row's vector (encoded once)
        if (seen.add(rows.get(i).query().key())) {
          assertThat(d.outcomes().firstPositiveRank()[i]).as("%s row %d", d.task(), i).isEqualTo(1);
        }
      }
      if (seen.size() == rows.size()) {
        hitAt1.put(d.task(), d.metrics().get("hit@1"));
      }
    }
    assertThat(hitAt1).hasSizeGreaterThan(4);
    assertThat(hitAt1.values()).containsOnly(1.0);
    assertThat(record.provenance().taskFiles()).hasSize(7);
    assertThat(record.provenance().dataFiles()).isNotEmpty();
    assertThat(record.model().fingerprint()).startsWith("sha256:");
    assertThat(results.resolve("oracle/mmeb-mini/vlm2vec/MiniDocs_score.json")).exists();
  }

  @Test
  void aBrokenSubmissionIsOneErrorLineAndExitCode2() throws Exception {
    Path submission = work.resolve("broken");
    try (var files = Files.walk(oracle)) {
      for (Path from : files.toList()) {
        Files.copy(from, submission.resolve(oracle.relativize(from).toString()));
      }
    }
    Path keys = submission.resolve("MiniShapes/candidate_keys.json");
    Files.writeString(keys, Files.readString(keys).replaceFirst("\"[^\"]*\"", "\"no-such-key\""));

    CliRun run = score(MiniRun.score(submission, data, work).tasks("MiniShapes").argv());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().filter(l -> l.startsWith("error:")))
        .singleElement()
        .asString()
        .contains(keys.toString())
        .contains("no vector for candidate key");
    assertThat(work.resolve("results")).doesNotExist();
  }
}
