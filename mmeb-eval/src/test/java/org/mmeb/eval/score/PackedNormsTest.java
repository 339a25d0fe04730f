package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The squared norms a kernel's packing computes are {@link Similarity#dot}'s, bit for bit: the
 * weights of the exact scores are computed from them.
 */
class PackedNormsTest {
  @Test
  void packedSquaredNormsEqualTheScalarDotBitForBit() {
    SplittableRandom random = new SplittableRandom(23);
    for (FloatDots dots : List.of(FloatDots.best(), FloatDots.scalar())) {
      for (int dims : new int[] {1, 2, 3, 15, 16, 17, 255, 256, 257, 1535, 1536}) {
        for (int count : new int[] {1, 31, 32, 33, 70}) {
          float[][] c = spread(random, count + 3, dims);
          FloatDots.Packed packed = dots.pack(c, 3, c.length);
          for (int i = 0; i < count; i++) {
            assertThat(Double.doubleToLongBits(packed.squaredNorm(i)))
                .as("%s dims %d, %d candidates, candidate %d", dots.name(), dims, count, i)
                .isEqualTo(Double.doubleToLongBits(Similarity.dot(c[3 + i], c[3 + i])));
          }
        }
      }
    }
  }

  @Test
  void packedIntoReusedMemoryTheNormsAreTheNewCandidates() {
    SplittableRandom random = new SplittableRandom(29);
    FloatDots dots = FloatDots.best();
    float[][] first = spread(random, 64, 40);
    float[][] second = spread(random, 40, 40);
    FloatDots.Packed packed = dots.pack(second, 0, 40, dots.pack(first, 0, 64));
    for (int i = 0; i < 40; i++) {
      assertThat(packed.squaredNorm(i)).isEqualTo(Similarity.dot(second[i], second[i]));
    }
  }

  /** Components over many binades (subnormal to near the float maximum), so order shows in bits. */
  private static float[][] spread(SplittableRandom random, int n, int dims) {
    float[][] v = new float[n][dims];
    for (float[] row : v) {
      for (int d = 0; d < dims; d++) {
        row[d] = (float) (random.nextGaussian() * Math.pow(2, random.nextInt(-140, 120)));
      }
    }
    return v;
  }
}
