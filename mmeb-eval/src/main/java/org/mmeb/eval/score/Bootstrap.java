package org.mmeb.eval.score;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals over queries. A replicate resamples each dataset's queries with
 * replacement (same count), recomputes the dataset mean of the main metric and, for the overall
 * score, the mean over datasets of those means. The interval is the 2.5th and 97.5th percentile of
 * the replicates (linear interpolation, as {@code np.percentile}). Seeded: the same seed, data and
 * replicate count give the same interval.
 */
public final class Bootstrap {
  public static final int DEFAULT_REPLICATES = 1000;
  public static final long DEFAULT_SEED = 20250704L;
  private static final double LEVEL = 0.95;

  private final int replicates;
  private final long seed;

  public Bootstrap(int replicates, long seed) {
    this.replicates = replicates;
    this.seed = seed;
  }

  public Bootstrap() {
    this(DEFAULT_REPLICATES, DEFAULT_SEED);
  }

  /** Interval of one dataset's score from its per-query main-metric values. */
  public ConfidenceInterval dataset(double[] values) {
    return overall(List.of(values));
  }

  /** Interval of the mean over datasets (each given by its per-query main-metric values). */
  public ConfidenceInterval overall(List<double[]> datasets) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[replicates];
    for (int b = 0; b < replicates; b++) {
      double sum = 0;
      for (double[] values : datasets) {
        sum += 100 * resampledMean(values, random);
      }
      means[b] = sum / datasets.size();
    }
    Arrays.sort(means);
    double alpha = (1 - LEVEL) / 2;
    return new ConfidenceInterval(
        percentile(means, alpha), percentile(means, 1 - alpha), LEVEL, replicates, seed);
  }

  private static double resampledMean(double[] values, SplittableRandom random) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += values[random.nextInt(values.length)];
    }
    return sum / values.length;
  }

  /**
   * The harness's one percentile definition: linear interpolation between the two nearest ranks, as
   * numpy's default {@code np.percentile(x, 100 * q)} ({@code method="linear"}).
   */
  static double percentile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
