package org.mmeb.eval.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegressionGateTest {
  private static final RegressionGate GATE = new RegressionGate(1.0, 3.0, 0.05);

  private static RunComparison comparison(ScoreDelta overall, ScoreDelta dataset) {
    return new RunComparison("mmeb-v1", "a", "b", List.of(dataset), List.of(overall));
  }

  private static final ScoreDelta STEADY = new ScoreDelta("Overall", 60, 60, 1.0, 36000);

  // baseline, candidate, p (NaN = no outcomes): a dataset's verdict under max-dataset-drop 3.0
  @ParameterizedTest(name = "{0} -> {1}, p {2}: passes {3}")
  @CsvSource({
    "60.0, 57.5, 0.001, true", // drop 2.5 is within 3.0 however significant
    "60.0, 57.0, 0.001, true", // exactly 3.0 is not beyond
    "60.0, 56.9, 0.001, false", // 3.1 beyond and significant
    "60.0, 56.9, 0.2, true", // 3.1 beyond but indistinguishable from noise
    "60.0, 56.9, NaN, false", // beyond and untestable: counts as real
    "60.0, 70.0, 0.001, true", // an improvement
    "60.0, NaN, NaN, false", // the candidate lacks the dataset
  })
  void datasetVerdicts(double baseline, double candidate, double p, boolean passes) {
    ScoreDelta dataset = new ScoreDelta("ImageNet-1K", baseline, candidate, p, 1000);
    List<RegressionGate.Verdict> verdicts = GATE.judge(comparison(STEADY, dataset));
    assertThat(verdicts).hasSize(2);
    assertThat(verdicts.get(1).passed()).isEqualTo(passes);
    assertThat(RegressionGate.allPassed(verdicts)).isEqualTo(passes);
  }

  @ParameterizedTest(name = "overall {0} -> {1}, p {2}: passes {3}")
  @CsvSource({
    "60.0, 59.0, 0.001, true",
    "60.0, 58.9, 0.001, false",
    "60.0, 58.9, 0.06, true",
    "60.0, 58.9, NaN, false",
  })
  void headlineVerdicts(double baseline, double candidate, double p, boolean passes) {
    ScoreDelta overall = new ScoreDelta("Overall", baseline, candidate, p, 36000);
    ScoreDelta dataset = new ScoreDelta("ImageNet-1K", 60, 60, 1.0, 1000);
    List<RegressionGate.Verdict> verdicts = GATE.judge(comparison(overall, dataset));
    assertThat(verdicts.get(0).aggregate()).isTrue();
    assertThat(verdicts.get(0).passed()).isEqualTo(passes);
  }

  @org.junit.jupiter.api.Test
  void aFailureSaysWhatDroppedByHowMuchAndWhy() {
    ScoreDelta dataset = new ScoreDelta("OK-VQA", 50, 40, 0.0004, 1000);
    String failure = GATE.judge(comparison(STEADY, dataset)).get(1).failure();
    assertThat(failure)
        .isEqualTo(
            "OK-VQA dropped 10.00 points (50.00 -> 40.00), more than 3.00; p = 4.0e-04 < 0.05");
  }

  @org.junit.jupiter.api.Test
  void aDatasetOnlyTheCandidateHasIsNotJudged() {
    ScoreDelta extra = new ScoreDelta("NewTask", Double.NaN, 10, Double.NaN, 10);
    assertThat(GATE.judge(comparison(STEADY, extra))).hasSize(1);
  }
}
