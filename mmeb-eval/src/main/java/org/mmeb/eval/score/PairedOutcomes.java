package org.mmeb.eval.score;

import java.util.Arrays;
import java.util.List;

/**
 * Per-query scores of two runs on the same queries of one dataset, in the same order (hit@1 as 0/1,
 * or a graded metric such as nDCG@5). Its differences are what the paired tests resample.
 */
public record PairedOutcomes(String dataset, double[] baseline, double[] candidate) {

  public PairedOutcomes {
    if (baseline.length != candidate.length) {
      throw new IllegalArgumentException(
          dataset
              + ": baseline has "
              + baseline.length
              + " query outcomes, candidate has "
              + candidate.length);
    }
    baseline = baseline.clone();
    candidate = candidate.clone();
  }

  /** candidate − baseline per query. */
  public double[] differences() {
    double[] d = new double[baseline.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = candidate[i] - baseline[i];
    }
    return d;
  }

  public int size() {
    return baseline.length;
  }

  /** The differences of each dataset, the strata both paired tests keep apart. */
  static double[][] differencesOf(List<PairedOutcomes> datasets) {
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("no datasets to compare");
    }
    double[][] strata = new double[datasets.size()][];
    for (int s = 0; s < strata.length; s++) {
      strata[s] = datasets.get(s).differences();
      if (strata[s].length == 0) {
        throw new IllegalArgumentException(datasets.get(s).dataset() + ": no query outcomes");
      }
    }
    return strata;
  }

  /** The statistic both tests share: the mean over datasets of each dataset's mean difference. */
  static double meanOfMeans(double[][] strata) {
    double total = 0;
    for (double[] stratum : strata) {
      total += Arrays.stream(stratum).sum() / stratum.length;
    }
    return total / strata.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PairedOutcomes p
        && dataset.equals(p.dataset)
        && Arrays.equals(baseline, p.baseline)
        && Arrays.equals(candidate, p.candidate);
  }

  @Override
  public int hashCode() {
    return dataset.hashCode() * 31 + Arrays.hashCode(baseline) * 17 + Arrays.hashCode(candidate);
  }

  @Override
  public String toString() {
    return "PairedOutcomes[" + dataset + ", " + baseline.length + " queries]";
  }
}
