package org.mmeb.eval.score;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two-sided paired permutation (sign-flip) test: under the null hypothesis that the two runs are
 * exchangeable, each query's difference is as likely to carry either sign. The statistic is the
 * mean over datasets of the mean difference (the same shape as the benchmark's Overall), so one
 * dataset and a whole benchmark are tested alike. Queries with equal outcomes cannot flip and are
 * left out.
 *
 * <p>With at most {@value #EXACT_LIMIT} differing queries every sign assignment is enumerated and
 * the p-value is exact; beyond that {@code rounds} random assignments from a seeded generator give
 * the usual Monte Carlo estimate {@code (1 + extreme) / (1 + rounds)}, which is never 0.
 */
public final class PairedPermutationTest {
  static final int EXACT_LIMIT = 16;
  // Means of the same multiset summed in another order may differ in the last bits.
  private static final double TOLERANCE = 1e-12;

  private PairedPermutationTest() {}

  public static double pValue(List<PairedOutcomes> datasets, int rounds, long seed) {
    double[][] strata = PairedOutcomes.differencesOf(datasets);
    List<Flippable> flippable = flippable(strata);
    double observed = Math.abs(PairedOutcomes.meanOfMeans(strata));
    if (flippable.isEmpty()) {
      return 1.0;
    }
    return flippable.size() <= EXACT_LIMIT
        ? exact(flippable, observed)
        : monteCarlo(flippable, observed, rounds, seed);
  }

  /**
   * A differing query's contribution to the statistic: its difference weighted by 1 / (datasets ×
   * queries in its dataset); flipping its sign subtracts twice that.
   */
  private record Flippable(double weight) {}

  private static List<Flippable> flippable(double[][] strata) {
    List<Flippable> result = new ArrayList<>();
    for (double[] stratum : strata) {
      for (double d : stratum) {
        if (d != 0) {
          result.add(new Flippable(d / stratum.length / strata.length));
        }
      }
    }
    return result;
  }

  private static double exact(List<Flippable> flippable, double observed) {
    int n = flippable.size();
    long extreme = 0;
    for (long signs = 0; signs < (1L << n); signs++) {
      if (Math.abs(statistic(flippable, signs)) >= observed - TOLERANCE) {
        extreme++;
      }
    }
    return (double) extreme / (1L << n);
  }

  private static double statistic(List<Flippable> flippable, long signs) {
    double sum = 0;
    for (int i = 0; i < flippable.size(); i++) {
      double w = flippable.get(i).weight();
      sum += ((signs >>> i) & 1) == 1 ? -w : w;
    }
    return sum;
  }

  private static double monteCarlo(
      List<Flippable> flippable, double observed, int rounds, long seed) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
    }
    double[] weights = flippable.stream().mapToDouble(Flippable::weight).toArray();
    SplittableRandom random = new SplittableRandom(seed);
    long extreme = 0;
    for (int r = 0; r < rounds; r++) {
      double sum = 0;
      long bits = 0;
      for (int i = 0; i < weights.length; i++) {
        if ((i & 63) == 0) {
          bits = random.nextLong(); // one draw signs 64 queries
        }
        sum += (bits & 1) == 0 ? weights[i] : -weights[i];
        bits >>>= 1;
      }
      if (Math.abs(sum) >= observed - TOLERANCE) {
        extreme++;
      }
    }
    return (1.0 + extreme) / (1.0 + rounds);
  }
}
