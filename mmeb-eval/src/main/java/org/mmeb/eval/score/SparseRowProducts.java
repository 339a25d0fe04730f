package org.mmeb.eval.score;

import java.util.stream.IntStream;

/**
 * The fast products of rows that pick their own candidates from a large pool (a local task whose
 * rows share few candidates, such as retrieval against 1000 of several thousand images): each row's
 * products in the row's order, computed one pool block at a time. A block's vectors stay in the
 * cache while every row with candidates in it takes its dots; fetched row by row, each of a row's
 * candidates was a cache miss on a pool of many megabytes.
 *
 * <p>Each product is {@link FloatDots#row}'s, which computes every candidate on its own, so the
 * values do not depend on which candidates are computed together: the same as one row at a time.
 */
final class SparseRowProducts {
  /**
   * Bytes of pool vectors per block: a block stays in a 2 MB L2 cache beside the query and the
   * products (128 vectors at 1536 dimensions). Bench scoring, 4 tasks of 1000 rows x 1000 of a pool
   * of 20000 at 1536 dimensions: 128 vectors 0.83-0.86 CPU-s, 256 0.80-0.90, 384 1.01, 512
   * 1.08-1.48; each row's candidates fetched on their own (before) 1.44-1.84.
   */
  private static final int BLOCK_BYTES = 768 << 10;

  private final FloatDots dots;
  private final float[][] queries;
  private final int[][] at;
  private final WeightedVectors pool;
  private final int block;
  private final int[] blockStart;
  private final int[] pairRow;
  private final int[] pairIndex;
  private final float[][] products;

  /** The rows' pairs sorted by pool block, rows in order within a block. */
  private SparseRowProducts(
      FloatDots dots, float[][] queries, int[][] at, WeightedVectors pool, int block) {
    this.dots = dots;
    this.queries = queries;
    this.at = at;
    this.pool = pool;
    this.block = block;
    int blocks = (pool.size() + block - 1) / block;
    blockStart = new int[blocks + 1];
    for (int[] row : at) {
      for (int p : row) {
        blockStart[p / block + 1]++;
      }
    }
    for (int b = 0; b < blocks; b++) {
      blockStart[b + 1] += blockStart[b];
    }
    pairRow = new int[blockStart[blocks]];
    pairIndex = new int[blockStart[blocks]];
    int[] next = blockStart.clone();
    products = new float[at.length][];
    for (int r = 0; r < at.length; r++) {
      products[r] = new float[at[r].length];
      for (int j = 0; j < at[r].length; j++) {
        int k = next[at[r][j] / block]++;
        pairRow[k] = r;
        pairIndex[k] = j;
      }
    }
  }

  /**
   * The rows' products (their number of candidates summed must fit an int): {@code result[r][j]} =
   * the fast dot of {@code queries[r]} and {@code pool.vector(at[r][j])}.
   */
  static float[][] of(FloatDots dots, float[][] queries, int[][] at, WeightedVectors pool) {
    int dims = pool.size() == 0 ? 0 : pool.vector(0).length;
    return of(dots, queries, at, pool, Math.max(16, BLOCK_BYTES / Math.max(1, 4 * dims)));
  }

  /** {@link #of} with {@code block} pool vectors per block. */
  static float[][] of(
      FloatDots dots, float[][] queries, int[][] at, WeightedVectors pool, int block) {
    SparseRowProducts pairs = new SparseRowProducts(dots, queries, at, pool, block);
    IntStream.range(0, pairs.blockStart.length - 1).parallel().forEach(pairs::computeBlock);
    return pairs.products;
  }

  /** Block {@code b}'s pairs, one run of pairs per row. */
  private void computeBlock(int b) {
    int end = blockStart[b + 1];
    for (int k = blockStart[b]; k < end; ) {
      int r = pairRow[k];
      int runEnd = k + 1;
      while (runEnd < end && pairRow[runEnd] == r) {
        runEnd++;
      }
      computeRun(r, k, runEnd);
      k = runEnd;
    }
  }

  /** Pairs {@code [from, to)}, all of row {@code r}. */
  private void computeRun(int r, int from, int to) {
    int[] positions = at[r];
    float[][] candidates = new float[to - from][];
    for (int k = from; k < to; k++) {
      candidates[k - from] = pool.vector(positions[pairIndex[k]]);
    }
    float[] out = new float[to - from];
    dots.row(queries[r], candidates, out);
    float[] rowProducts = products[r];
    for (int k = from; k < to; k++) {
      rowProducts[pairIndex[k]] = out[k - from];
    }
  }
}
