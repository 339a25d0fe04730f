package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.result.DatasetResult;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordFile;

/**
 * The README's first command: the trained demo model scores far above the random baseline on
 * mmeb-mini, task by task, within a tolerance of the scores recorded when the model was trained.
 */
class DemoCommandTest {
  /** hit@1 (ndcg_linear@5 for MiniDocs) in percent, from the run that produced models/demo. */
  private static final Map<String, Double> DEMO_SCORES =
      Map.of(
          "MiniCaptions_i2t", 99.17,
          "MiniCaptions_t2i", 100.0,
          "MiniDocs", 75.19,
          "MiniGrounding", 100.0,
          "MiniMotion", 100.0,
          "MiniShapeQA", 100.0,
          "MiniShapes", 100.0);

  /** 100 / candidates for hit@1 tasks; ndcg_linear@5 of a random ranking for MiniDocs. */
  private static final Map<String, Double> CHANCE =
      Map.of(
          "MiniCaptions_i2t", 5.0,
          "MiniCaptions_t2i", 5.0,
          "MiniDocs", 15.0,
          "MiniGrounding", 10.0,
          "MiniMotion", 100.0 / 30,
          "MiniShapeQA", 18.0,
          "MiniShapes", 100.0 / 30);

  @TempDir Path work;

  @Test
  void theDemoModelScoresFarAboveTheRandomBaseline() throws Exception {
    CliRun run =
        CliRun.of(
            "demo",
            "--data",
            work.resolve("data").toString(),
            "--out",
            work.resolve("results").toString(),
            "--leaderboard",
            work.resolve("leaderboard").toString(),
            "--cache-dir",
            work.resolve("cache").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();

    Map<String, Double> demo = scores("mmeb-eval-demo");
    Map<String, Double> random = scores("random-baseline");
    assertThat(demo.keySet()).containsExactlyInAnyOrderElementsOf(DEMO_SCORES.keySet());
    DEMO_SCORES.forEach(
        (task, expected) -> assertThat(demo.get(task)).as(task).isCloseTo(expected, within(3.0)));
    CHANCE.forEach((task, chance) -> assertThat(random.get(task)).as(task).isLessThan(chance + 12));

    assertThat(run.out())
        .contains("| mmeb-eval-demo |")
        .contains("| random-baseline |")
        .contains("leaderboard.html");
    assertThat(Files.readString(work.resolve("leaderboard/leaderboard.html")))
        .contains("mmeb-eval-demo");
  }

  private Map<String, Double> scores(String model) {
    RunRecord record =
        RunRecordFile.read(ResultsLayout.runFile(work.resolve("results"), model, "mmeb-mini"));
    assertThat(record.summary().partial()).isFalse();
    return record.datasets().stream()
        .collect(Collectors.toMap(DatasetResult::task, d -> 100 * d.mainScore()));
  }
}
