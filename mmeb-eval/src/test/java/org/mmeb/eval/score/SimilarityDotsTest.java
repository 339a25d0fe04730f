package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Similarity#dot} is its definition (two sums over even and odd indices, in order, then
 * their sum) bit for bit, however its loop is unrolled; two dots in one pass are each bit-identical
 * to it, and so are a query's square and its dot with a candidate computed in one pass.
 */
class SimilarityDotsTest {

  /** The definition, one product per addition. */
  private static double definition(float[] a, float[] b) {
    double even = 0;
    double odd = 0;
    for (int i = 0; i < a.length; i++) {
      if (i % 2 == 0) {
        even += (double) a[i] * b[i];
      } else {
        odd += (double) a[i] * b[i];
      }
    }
    return even + odd;
  }

  @Test
  void dotIsItsDefinitionBitForBit() {
    SplittableRandom random = new SplittableRandom(5);
    for (int n : BinadeVectors.LENGTHS) {
      for (int trial = 0; trial < 20; trial++) {
        float[] a = BinadeVectors.spread(random, n);
        float[] b = BinadeVectors.spread(random, n);
        assertThat(Double.doubleToRawLongBits(Similarity.dot(a, b)))
            .as("length %d, trial %d", n, trial)
            .isEqualTo(Double.doubleToRawLongBits(definition(a, b)));
      }
    }
  }

  @Test
  void dotOfSpecialValuesIsItsDefinition() {
    float[] specials = {
      Float.NaN,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      Float.MIN_VALUE,
      -0f,
      0f,
      Float.MAX_VALUE,
      -Float.MAX_VALUE,
      1f
    };
    SplittableRandom random = new SplittableRandom(9);
    for (int n : BinadeVectors.LENGTHS) {
      for (int trial = 0; trial < 50; trial++) {
        float[] a = BinadeVectors.spread(random, n);
        float[] b = BinadeVectors.spread(random, n);
        for (int d = 0; d < n; d++) {
          if (random.nextInt(4) == 0) {
            a[d] = specials[random.nextInt(specials.length)];
          }
        }
        assertThat(Double.doubleToLongBits(Similarity.dot(a, b)))
            .as("length %d, trial %d", n, trial)
            .isEqualTo(Double.doubleToLongBits(definition(a, b)));
      }
    }
  }

  @Test
  void eachOfTwoDotsInOnePassEqualsTheSingleDotBitForBit() {
    SplittableRandom random = new SplittableRandom(17);
    for (int n : BinadeVectors.LENGTHS) {
      for (int trial = 0; trial < 20; trial++) {
        float[][] v = new float[4][];
        for (int r = 0; r < v.length; r++) {
          v[r] = BinadeVectors.spread(random, n);
        }
        double[] out = new double[2];
        Similarity.dots(v[0], v[1], v[2], v[3], out);
        assertThat(Double.doubleToRawLongBits(out[0]))
            .isEqualTo(Double.doubleToRawLongBits(definition(v[0], v[1])));
        assertThat(Double.doubleToRawLongBits(out[1]))
            .isEqualTo(Double.doubleToRawLongBits(definition(v[2], v[3])));
      }
    }
  }

  @Test
  void aSquareAndADotInOnePassEqualTheSingleDotsBitForBit() {
    SplittableRandom random = new SplittableRandom(23);
    for (int n : BinadeVectors.LENGTHS) {
      for (int trial = 0; trial < 20; trial++) {
        float[] q = BinadeVectors.spread(random, n);
        float[] c = BinadeVectors.spread(random, n);
        double[] out = new double[2];
        Similarity.squareAndDot(q, c, out);
        assertThat(Double.doubleToRawLongBits(out[0]))
            .as("length %d, trial %d", n, trial)
            .isEqualTo(Double.doubleToRawLongBits(definition(q, q)));
        assertThat(Double.doubleToRawLongBits(out[1]))
            .as("length %d, trial %d", n, trial)
            .isEqualTo(Double.doubleToRawLongBits(definition(q, c)));
      }
    }
  }
}
