package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Two dots in one pass are each bit-identical to {@link Similarity#dot} (the exact score). */
class SimilarityDotsTest {
  @Test
  void eachOfTwoDotsInOnePassEqualsTheSingleDotBitForBit() {
    SplittableRandom random = new SplittableRandom(17);
    for (int n : new int[] {0, 1, 2, 3, 16, 17, 1535, 1536}) {
      for (int trial = 0; trial < 20; trial++) {
        float[][] v = new float[4][n];
        for (float[] row : v) {
          for (int d = 0; d < n; d++) {
            // magnitudes spread over many binades, so that any change of order shows in the bits
            row[d] = (float) (random.nextGaussian() * Math.pow(2, random.nextInt(-30, 30)));
          }
        }
        double[] out = new double[2];
        Similarity.dots(v[0], v[1], v[2], v[3], out);
        assertThat(Double.doubleToRawLongBits(out[0]))
            .isEqualTo(Double.doubleToRawLongBits(Similarity.dot(v[0], v[1])));
        assertThat(Double.doubleToRawLongBits(out[1]))
            .isEqualTo(Double.doubleToRawLongBits(Similarity.dot(v[2], v[3])));
      }
    }
  }
}
