package org.mmeb.eval.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ComparisonTextTest {

  @Test
  void rendersMissingSidesUntestedPValuesAndDefusesControlCharacters() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY); // a decimal comma must not leak into the table
      RunComparison c =
          new RunComparison(
              "mmeb-v1",
              "base\u001b[31m",
              "cand",
              List.of(
                  new ScoreDelta("ImageNet-1K", 61.25, 63.5, 0.0123, 1000),
                  new ScoreDelta("OK-VQA", 10, Double.NaN, Double.NaN, 0)),
              List.of(new ScoreDelta("Overall", 61.25, 63.5, 0.0123, 1000)));
      String text = ComparisonText.render(c, 0.05, "paired permutation test");
      assertThat(text)
          .startsWith(
              "mmeb-v1: base?[31m (baseline) vs cand (candidate); paired permutation test\n")
          .contains("ImageNet-1K                       61.3      63.5    +2.3    0.012 better\n")
          .contains("OK-VQA                            10.0         -       -      n/a\n")
          .contains("aggregates over the 1 datasets both runs have\n")
          .endsWith(
              "of 1 datasets compared: wins 1, losses 0, no significant change 0, untested 0"
                  + " (p < 0.05); in one run only 1\n");
    } finally {
      Locale.setDefault(saved);
    }
  }

  /** Regression: "untested 78" for runs that share 36 datasets (the rest in one run only). */
  @Test
  void theTallyCountsOnlyTheDatasetsBothRunsHave() {
    List<ScoreDelta> datasets = new java.util.ArrayList<>();
    for (int i = 0; i < 78; i++) {
      datasets.add(new ScoreDelta("d" + i, 50, i < 36 ? 51 : Double.NaN, Double.NaN, 0));
    }
    RunComparison c =
        new RunComparison(
            "mmeb-v2", "a", "b", datasets, List.of(new ScoreDelta("All", 50, 51, Double.NaN, 0)));

    assertThat(ComparisonText.render(c, 0.05, "paired permutation test"))
        .contains("aggregates over the 36 datasets both runs have\n")
        .endsWith(
            "of 36 datasets compared: wins 0, losses 0, no significant change 0, untested 36"
                + " (p < 0.05); in one run only 42\n");
  }
}
