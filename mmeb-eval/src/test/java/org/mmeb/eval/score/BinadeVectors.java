package org.mmeb.eval.score;

import java.util.SplittableRandom;

/**
 * Test vectors for the exact double sums: components spread over sixty binades, so that a sum taken
 * in another order rounds differently; and the lengths around every unrolled loop's steps.
 */
final class BinadeVectors {
  /** Short lengths (every remainder of the unrolled loops) and the V1 embedding size. */
  static final int[] LENGTHS = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 1535, 1536};

  private BinadeVectors() {}

  /** {@code n} components, each a Gaussian times 2^e, e uniform in [-30, 30). */
  static float[] spread(SplittableRandom random, int n) {
    float[] v = new float[n];
    for (int d = 0; d < n; d++) {
      v[d] = (float) (random.nextGaussian() * Math.pow(2, random.nextInt(-30, 30)));
    }
    return v;
  }
}
