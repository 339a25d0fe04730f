package org.mmeb.eval.score;

/**
 * The mean exactly as {@code np.mean} computes it for float64: numpy's pairwise summation (blocks
 * of 128, eight accumulators), then one division. The reference averages per-query metric values
 * with {@code np.mean}; summing in this order makes our dataset scores equal to its bit for bit,
 * not just to display precision.
 */
public final class NumpyMean {
  private static final int BLOCK = 128;

  private NumpyMean() {}

  /** NaN for an empty array, as numpy (which also warns). */
  public static double of(double[] values) {
    return sum(values, 0, values.length) / values.length;
  }

  static double sum(double[] a, int from, int n) {
    if (n < 8) {
      double res = 0.0;
      for (int i = 0; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    if (n <= BLOCK) {
      double[] r = new double[8];
      System.arraycopy(a, from, r, 0, 8);
      int i = 8;
      for (; i < n - (n % 8); i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[from + i + j];
        }
      }
      double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    int half = n / 2;
    half -= half % 8;
    return sum(a, from, half) + sum(a, from + half, n - half);
  }
}
