package org.mmeb.eval.report.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CI gate: a candidate fails when its headline score drops by more than {@code maxDrop} points,
 * or any dataset by more than {@code maxDatasetDrop}, and the paired test says the drop is not
 * noise (p &lt; alpha). A drop that cannot be tested (no per-query outcomes) counts as real, and a
 * dataset the baseline has but the candidate lacks fails: a gate must not pass by missing data.
 */
public record RegressionGate(double maxDrop, double maxDatasetDrop, double alpha) {

  public RegressionGate {
    if (!(maxDrop >= 0) || !(maxDatasetDrop >= 0)) {
      throw new IllegalArgumentException("drop thresholds must be >= 0 points");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
  }

  /** One checked score: passed, or the one-line reason it failed. */
  public record Verdict(ScoreDelta delta, boolean aggregate, String failure) {
    public boolean passed() {
      return failure == null;
    }
  }

  public List<Verdict> judge(RunComparison comparison) {
    List<Verdict> verdicts = new ArrayList<>();
    verdicts.add(new Verdict(comparison.headline(), true, failure(comparison.headline(), maxDrop)));
    for (ScoreDelta dataset : comparison.datasets()) {
      if (!Double.isNaN(dataset.baseline())) {
        verdicts.add(new Verdict(dataset, false, failure(dataset, maxDatasetDrop)));
      }
    }
    return verdicts;
  }

  public static boolean allPassed(List<Verdict> verdicts) {
    return verdicts.stream().allMatch(Verdict::passed);
  }

  /** Why the score fails the gate, or null when it passes. */
  private String failure(ScoreDelta d, double threshold) {
    if (Double.isNaN(d.candidate())) {
      return d.name() + ": missing from the candidate run";
    }
    double drop = -d.points();
    if (drop <= threshold || (d.tested() && !d.significant(alpha))) {
      return null;
    }
    return dropped(d, drop, threshold) + "; " + evidence(d);
  }

  private static String dropped(ScoreDelta d, double drop, double threshold) {
    return String.format(
        Locale.ROOT,
        "%s dropped %.2f points (%.2f -> %.2f), more than %.2f",
        d.name(),
        drop,
        d.baseline(),
        d.candidate(),
        threshold);
  }

  private String evidence(ScoreDelta d) {
    return d.tested()
        ? "p = " + PValueText.of(d.pValue()) + " < " + alpha
        : "no per-query outcomes to test it";
  }
}
