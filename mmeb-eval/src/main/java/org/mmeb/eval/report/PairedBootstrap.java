package org.mmeb.eval.report;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Percentile confidence interval of the paired difference (candidate − baseline) from a seeded
 * bootstrap: each round resamples every dataset's queries with replacement, keeping each query's
 * two outcomes together, and recomputes the mean over datasets of the mean difference.
 */
public final class PairedBootstrap {
  private PairedBootstrap() {}

  /** An interval in the units of the outcomes (a fraction for hit@1). */
  public record Interval(double lower, double upper) {
    public boolean contains(double x) {
      return lower <= x && x <= upper;
    }
  }

  public static Interval interval(
      List<PairedOutcomes> datasets, double level, int rounds, long seed) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
    }
    double[][] strata = PairedOutcomes.differencesOf(datasets);
    SplittableRandom random = new SplittableRandom(seed);
    double[] statistics = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      statistics[r] = resampledStatistic(strata, random);
    }
    Arrays.sort(statistics);
    double tail = (1 - level) / 2;
    return new Interval(percentile(statistics, tail), percentile(statistics, 1 - tail));
  }

  private static double resampledStatistic(double[][] strata, SplittableRandom random) {
    double total = 0;
    for (double[] stratum : strata) {
      double sum = 0;
      for (int i = 0; i < stratum.length; i++) {
        sum += stratum[random.nextInt(stratum.length)];
      }
      total += sum / stratum.length;
    }
    return total / strata.length;
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
