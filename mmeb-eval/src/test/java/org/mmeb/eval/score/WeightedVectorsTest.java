package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Norms computed several vectors at a time are each {@link Similarity#norm} bit for bit, so weights
 * and scales do not depend on how many vectors a pool has or how they are grouped.
 */
class WeightedVectorsTest {

  @Test
  void eachOfFourSquaredNormsInOnePassIsTheDotBitForBit() {
    SplittableRandom random = new SplittableRandom(23);
    for (int n : BinadeVectors.LENGTHS) {
      for (int trial = 0; trial < 20; trial++) {
        float[][] v = new float[4][];
        for (int k = 0; k < v.length; k++) {
          v[k] = BinadeVectors.spread(random, n);
        }
        double[] out = new double[4];
        WeightedVectors.squaredNorms(v[0], v[1], v[2], v[3], out);
        for (int k = 0; k < v.length; k++) {
          assertThat(Double.doubleToRawLongBits(out[k]))
              .as("length %d, trial %d, vector %d", n, trial, k)
              .isEqualTo(Double.doubleToRawLongBits(Similarity.dot(v[k], v[k])));
        }
      }
    }
  }

  @Test
  void weightsAndScalesAreEachVectorsOwnWhateverThePoolSizeAndLengths() {
    SplittableRandom random = new SplittableRandom(29);
    for (int size = 0; size <= 11; size++) {
      float[][] v = new float[size][];
      for (int i = 0; i < size; i++) {
        v[i] =
            BinadeVectors.spread(
                random, size % 3 == 0 ? 16 + i % 2 : 33); // mixed lengths in some pools
      }
      for (Similarity similarity : Similarity.values()) {
        WeightedVectors pool = WeightedVectors.of(v, similarity);
        double maxScale = 0;
        for (int i = 0; i < size; i++) {
          double norm = Similarity.norm(v[i]);
          assertThat(pool.weight(i)).isEqualTo(similarity.weight(v[i]));
          assertThat(pool.scale(i)).isEqualTo(norm * similarity.weightOfNorm(norm));
          maxScale = Math.max(maxScale, pool.scale(i));
        }
        assertThat(pool.maxScale()).isEqualTo(maxScale);
      }
    }
  }
}
