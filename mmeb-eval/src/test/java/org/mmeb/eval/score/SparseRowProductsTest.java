package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Rows' products computed pool block by pool block equal, bit for bit, each row's products computed
 * on their own ({@link FloatDots#row}), whatever the block size: rows that span many blocks, pick a
 * candidate twice, or pick none.
 */
class SparseRowProductsTest {
  @Test
  void blockByBlockEqualsRowByRowForEveryKernelAndBlockSize() {
    SplittableRandom random = new SplittableRandom(11);
    int dims = 37;
    float[][] pool = vectors(random, 90, dims);
    float[][] queries = vectors(random, 12, dims);
    int[][] at = new int[queries.length][];
    for (int r = 0; r < at.length; r++) {
      at[r] = new int[r == 3 ? 0 : 1 + random.nextInt(60)];
      for (int j = 0; j < at[r].length; j++) {
        at[r][j] = random.nextInt(pool.length);
      }
    }
    at[5][at[5].length - 1] = at[5][0]; // a candidate picked twice
    WeightedVectors weighted = WeightedVectors.of(pool, Similarity.COSINE);
    for (FloatDots dots : new FloatDots[] {FloatDots.best(), FloatDots.scalar()}) {
      for (int block : new int[] {1, 7, 16, 90, 1000}) {
        float[][] products = SparseRowProducts.of(dots, queries, at, weighted, block);
        assertThat(products).hasNumberOfRows(queries.length);
        for (int r = 0; r < queries.length; r++) {
          float[] expected = new float[at[r].length];
          float[][] candidates = new float[at[r].length][];
          for (int j = 0; j < candidates.length; j++) {
            candidates[j] = pool[at[r][j]];
          }
          dots.row(queries[r], candidates, expected);
          assertThat(bits(products[r]))
              .as("%s block %d row %d", dots.name(), block, r)
              .containsExactly(bits(expected));
        }
      }
    }
  }

  private static float[][] vectors(SplittableRandom random, int n, int dims) {
    float[][] v = new float[n][dims];
    for (float[] x : v) {
      for (int d = 0; d < dims; d++) {
        x[d] = (float) random.nextGaussian();
      }
    }
    return v;
  }

  private static int[] bits(float[] values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }
}
