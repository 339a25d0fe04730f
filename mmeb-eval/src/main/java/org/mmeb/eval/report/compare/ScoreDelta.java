package org.mmeb.eval.report.compare;

/**
 * One dataset or aggregate of two runs side by side, in percent (unrounded), with the paired
 * permutation p-value of the difference (NaN when a run has no per-query outcomes to pair). A side
 * the run does not cover is NaN.
 */
public record ScoreDelta(
    String name, double baseline, double candidate, double pValue, int queries) {

  /** candidate − baseline, in points; NaN when either side is missing. */
  public double points() {
    return candidate - baseline;
  }

  public boolean covered() {
    return !Double.isNaN(baseline) && !Double.isNaN(candidate);
  }

  /** True when the paired test rejects "no difference" at {@code alpha}; false when untested. */
  public boolean significant(double alpha) {
    return !Double.isNaN(pValue) && pValue < alpha;
  }

  public boolean tested() {
    return !Double.isNaN(pValue);
  }
}
