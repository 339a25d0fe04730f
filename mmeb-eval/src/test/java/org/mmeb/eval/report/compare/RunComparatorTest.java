package org.mmeb.eval.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.UserError;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

class RunComparatorTest {
  private static final List<TaskSpec> V1 =
      TaskRegistry.load(Path.of("tasks"), List.of()).benchmark("mmeb-v1");

  private static ScoreSource.QueryValues values(int[] rows, double... values) {
    return new ScoreSource.QueryValues(rows, values);
  }

  private static ScoreSource run(
      String name,
      String benchmark,
      Map<String, Double> mainScores,
      Map<String, ScoreSource.QueryValues> outcomes) {
    return new ScoreSource(
        name, benchmark, "run " + name, mainScores, ScoreSource.Printed.NONE, outcomes);
  }

  private static final int[] TEN = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  private static final int[] TEN_REVERSED = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};

  private static final ScoreSource BASELINE =
      run(
          "base",
          "mmeb-v1",
          Map.of("ImageNet-1K", 0.5, "OK-VQA", 0.5),
          Map.of(
              "ImageNet-1K", values(TEN, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0),
              "OK-VQA", values(new int[] {0, 1, 2, 3}, 1, 0, 1, 0)));

  // The candidate lists its queries in another order: pairing goes by source row.
  private static final ScoreSource CANDIDATE =
      run(
          "cand",
          "mmeb-v1",
          Map.of("ImageNet-1K", 0.8, "OK-VQA", 0.5, "Place365", 0.3),
          Map.of(
              "ImageNet-1K", values(TEN_REVERSED, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1),
              "OK-VQA", values(new int[] {3, 2, 1, 0}, 0, 1, 0, 1)));

  @Test
  void datasetDeltasCarryExactPairedPValues() {
    RunComparison c = new RunComparator(1000, 1).compare(V1, BASELINE, CANDIDATE);
    assertThat(c.datasets())
        .extracting(ScoreDelta::name)
        .containsExactly("ImageNet-1K", "OK-VQA", "Place365");
    ScoreDelta imagenet = c.datasets().get(0);
    assertThat(imagenet.points()).isCloseTo(30, within(1e-9));
    assertThat(imagenet.pValue()).isEqualTo(0.25); // three queries flipped to hits: 2 / 2^3
    assertThat(imagenet.queries()).isEqualTo(10);
    assertThat(c.datasets().get(1).pValue()).isEqualTo(1.0);
    ScoreDelta place = c.datasets().get(2);
    assertThat(place.baseline()).isNaN();
    assertThat(place.tested()).isFalse();
  }

  @Test
  void aggregatesUseOnlyTheDatasetsBothRunsHaveHeadlineFirst() {
    RunComparison c = new RunComparator(1000, 1).compare(V1, BASELINE, CANDIDATE);
    assertThat(c.aggregates())
        .extracting(ScoreDelta::name)
        .containsExactly("Overall", "CLS", "VQA", "IND");
    ScoreDelta overall = c.headline();
    assertThat(overall.baseline()).isCloseTo(50, within(1e-9));
    assertThat(overall.candidate()).isCloseTo(65, within(1e-9)); // (80 + 50) / 2; Place365 left out
    assertThat(overall.pValue()).isEqualTo(0.25);
    assertThat(c.aggregates().get(2).points()).isCloseTo(0, within(1e-9));
    RunComparison.Tally tally = c.tally(0.05);
    assertThat(tally).isEqualTo(new RunComparison.Tally(0, 0, 2, 0, 1));
  }

  @Test
  void runsThatScoredDifferentQueriesCannotBePaired() {
    ScoreSource other =
        run(
            "other",
            "mmeb-v1",
            Map.of("OK-VQA", 0.5),
            Map.of("OK-VQA", values(new int[] {0, 1, 2, 7}, 1, 0, 1, 0)));
    assertThatThrownBy(() -> new RunComparator(10, 1).compare(V1, BASELINE, other))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("OK-VQA: the runs scored different queries");
  }

  @Test
  void differentBenchmarksAreRefused() {
    ScoreSource v2 = run("v2run", "mmeb-v2", Map.of(), Map.of());
    assertThatThrownBy(() -> new RunComparator(10, 1).compare(V1, BASELINE, v2))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("cannot compare mmeb-v1 with mmeb-v2");
  }
}
