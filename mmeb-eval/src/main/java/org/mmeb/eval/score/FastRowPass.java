package org.mmeb.eval.score;

import java.util.Arrays;
import org.mmeb.eval.task.MetricName;

/**
 * Passes over a row's fast scores that keep only what its exact ranking needs: the contenders for
 * the top {@code k} (a fast score whose upper end {@code fast + bound} reaches the k-th largest
 * lower end {@code fast - bound}; see {@link SettledTopK}), the count of candidates surely ahead of
 * the best positive, and those the bound cannot place against it (scored exactly later).
 *
 * <p>The first pass computes the fast scores, counts the candidates surely ahead, lists the unsure
 * ones, and keeps the largest fast score of each of {@link #GROUPS} groups of the row: the k-th
 * largest of those maxima is at most the k-th largest fast score (k distinct candidates reach it),
 * so its lower end is a threshold no top-k candidate falls below. The second pass then offers only
 * the few candidates that reach that threshold to the running k-th largest lower end. A row with a
 * non-finite fast score (an overflow; those are contenders and unsure, and scored exactly) takes
 * one pass that keeps the k-th largest lower end while scanning instead.
 *
 * <p>One instance per thread is reused from row to row (no arrays allocated per row): what {@link
 * #scan} returns is valid until the thread's next scan.
 */
final class FastRowPass {
  /**
   * Groups whose maxima give the first threshold: at least k. Fewer groups change their maximum
   * less often (each change a mispredicted branch), more give a higher threshold; 16 ranked a row
   * of 1000 fastest (10: 0.5-1 us slower, 32: ~2 us, 64: ~4 us; a standalone benchmark of
   * LocalRanker).
   */
  private static final int GROUPS = 16;

  private static final ThreadLocal<FastRowPass> PASSES = ThreadLocal.withInitial(FastRowPass::new);
  private final LowerBounds lower = new LowerBounds(MetricName.MAX_K);
  private final LowerBounds groupMaxima = new LowerBounds(MetricName.MAX_K);
  private final double[] groupMax = new double[GROUPS];
  private int groupLength;
  private double bound;
  private boolean hasPositive;
  private double positiveScore;
  private double[] fast = new double[0];
  private double[] scored = new double[0];
  private int[] identity = new int[0];
  private int[] contenders = new int[16];
  private double[] contenderFast = new double[16];
  private int contenderCount;
  private int[] unsure = new int[4];
  private int unsureCount;
  private long ahead;

  private FastRowPass() {}

  /**
   * The row's candidate {@code j} has fast score {@code products[start + columns[j]] * qWeight *
   * weight(at[j])}: the kernel's product times both weights (the scale of exact scores), in the
   * order {@link ScoreErrorBound} bounds.
   *
   * @param positiveScore the best positive's exact score (ignored when {@code hasPositive} is
   *     false)
   */
  static FastRowPass scan(
      float[] products,
      int start,
      int[] columns,
      int[] at,
      double qWeight,
      WeightedVectors pool,
      double bound,
      boolean hasPositive,
      double positiveScore) {
    FastRowPass pass = PASSES.get();
    pass.reset(bound, hasPositive, positiveScore, at.length);
    if (pass.fastScores(products, start, columns, at, qWeight, pool)) {
      pass.contendAbove(at.length);
    } else {
      pass.reset(bound, hasPositive, positiveScore, at.length);
      pass.scanEach(products, start, columns, at, qWeight, pool);
    }
    return pass;
  }

  private void reset(double bound, boolean hasPositive, double positiveScore, int length) {
    this.bound = bound;
    this.hasPositive = hasPositive;
    this.positiveScore = positiveScore;
    if (fast.length < length) {
      fast = new double[length];
      unsure = new int[length];
    }
    lower.clear();
    groupMaxima.clear();
    contenderCount = 0;
    unsureCount = 0;
    ahead = 0;
  }

  /**
   * The first pass: fast scores, the count surely ahead, the unsure list and the group maxima;
   * false when a fast score is not finite (their sum is then not finite either; a finite sum that
   * overflows only sends the row to the one-pass scan too).
   */
  private boolean fastScores(
      float[] products, int start, int[] columns, int[] at, double qWeight, WeightedVectors pool) {
    int[] index = score(products, start, columns, at, qWeight, pool);
    // without a positive nothing is ahead of it: a finite f - bound is never above +infinity
    double positive = hasPositive ? positiveScore : Double.POSITIVE_INFINITY;
    int per = Math.max(1, (at.length + GROUPS - 1) / GROUPS);
    groupLength = per;
    int aheadCount = 0;
    int unsureAt = 0;
    double sum = 0;
    for (int from = 0; from < at.length; from += per) {
      int to = Math.min(at.length, from + per);
      double max = Double.NEGATIVE_INFINITY;
      for (int j = from; j < to; j++) {
        double f = scored[index[j]];
        sum += f;
        fast[j] = f;
        // surely ahead, or unsure (reaches but not surely ahead; an upper end is never below its
        // lower end), computed without a branch: about half the row is ahead of a random positive,
        // and a branch on that is mispredicted every other candidate
        int reaches = f + bound >= positive ? 1 : 0;
        int surelyAhead = f - bound > positive ? 1 : 0;
        aheadCount += surelyAhead;
        unsure[unsureAt] = j;
        unsureAt += reaches - surelyAhead;
        // not Math.max: C2 (JDK 17) compiles it to a chain of compares and jumps for NaN and -0.0,
        // neither of which matters here (f is finite; a -0.0 maximum gives the same threshold)
        if (f > max) {
          max = f;
        }
      }
      groupMaxima.offer(max);
      groupMax[from / per] = max;
    }
    ahead = aheadCount;
    unsureCount = unsureAt;
    return Double.isFinite(sum);
  }

  /**
   * Fast scores into {@link #scored}, candidate {@code j}'s at {@code scored[index[j]]}; returns
   * that index. When the columns are the row's pool positions (a dense task: one product per pool
   * vector at {@code products[start + p]}), the whole pool is scored in its own order, a sequential
   * pass, so that the first pass gathers once per candidate instead of twice (product and weight);
   * else the row is scored in its order.
   */
  private int[] score(
      float[] products, int start, int[] columns, int[] at, double qWeight, WeightedVectors pool) {
    if (columns == at) {
      scorePool(products, start, qWeight, pool);
      return at;
    }
    scoreRow(products, start, columns, at, qWeight, pool);
    return identity(at.length);
  }

  private void scorePool(float[] products, int start, double qWeight, WeightedVectors pool) {
    int length = pool.size();
    growScored(length);
    for (int p = 0; p < length; p++) {
      scored[p] = products[start + p] * qWeight * pool.weight(p);
    }
  }

  private void scoreRow(
      float[] products, int start, int[] columns, int[] at, double qWeight, WeightedVectors pool) {
    growScored(at.length);
    for (int j = 0; j < at.length; j++) {
      scored[j] = products[start + columns[j]] * qWeight * pool.weight(at[j]);
    }
  }

  private void growScored(int length) {
    if (scored.length < length) {
      scored = new double[length];
    }
  }

  private int[] identity(int length) {
    if (identity.length < length) {
      identity = new int[length];
      Arrays.setAll(identity, j -> j);
    }
    return identity;
  }

  /**
   * The second pass: the candidates whose upper end reaches the lower end of the k-th largest group
   * maximum (at most the k-th largest lower end), offered as contenders in the row's order. A group
   * whose maximum's upper end is below the running threshold has none (the threshold only rises).
   */
  private void contendAbove(int length) {
    double start = groupMaxima.threshold() - bound;
    double threshold = start;
    for (int from = 0; from < length; from += groupLength) {
      if (groupMax[from / groupLength] + bound >= threshold) {
        threshold = contendIn(from, Math.min(length, from + groupLength), start, threshold);
      }
    }
  }

  /** {@link #contendAbove} in one group: the running threshold after it. */
  private double contendIn(int from, int to, double start, double threshold) {
    for (int j = from; j < to; j++) {
      double f = fast[j];
      if (f + bound >= threshold) {
        contend(j, f);
        threshold = Math.max(start, lower.threshold());
      }
    }
    return threshold;
  }

  /**
   * One pass for a row with a non-finite fast score: the k-th largest lower end kept while scanning
   * (a candidate whose upper end is below it so far is below it at the end too), non-finite fast
   * scores kept as contenders and unsure.
   */
  private void scanEach(
      float[] products, int start, int[] columns, int[] at, double qWeight, WeightedVectors pool) {
    double threshold = Double.NEGATIVE_INFINITY;
    double positive = hasPositive ? positiveScore : Double.POSITIVE_INFINITY;
    for (int j = 0; j < at.length; j++) {
      double f = products[start + columns[j]] * qWeight * pool.weight(at[j]);
      if (f + bound >= threshold || !Double.isFinite(f)) {
        contend(j, f);
        threshold = lower.threshold();
      }
      boolean surelyAhead = f - bound > positive && f < Double.POSITIVE_INFINITY;
      if (surelyAhead) {
        ahead++;
      } else if (f + bound >= positive && Double.isFinite(f)) {
        keepUnsure(j);
      }
    }
  }

  /**
   * A candidate that may reach the top k (or has a non-finite fast score, so is scored exactly):
   * kept, its lower end offered.
   */
  private void contend(int j, double f) {
    boolean finite = Double.isFinite(f);
    if (!finite || f + bound >= lower.threshold()) {
      if (finite) {
        lower.offer(f - bound);
      }
      keepContender(j, f);
    }
    if (!finite && hasPositive) {
      keepUnsure(j);
    }
  }

  private void keepContender(int j, double f) {
    if (contenderCount == contenders.length) {
      contenders = Arrays.copyOf(contenders, contenderCount * 2);
      contenderFast = Arrays.copyOf(contenderFast, contenderCount * 2);
    }
    contenders[contenderCount] = j;
    contenderFast[contenderCount++] = f;
  }

  private void keepUnsure(int j) {
    unsure[unsureCount++] = j;
  }

  /** The exact top {@code k} (row indices, best first), from the contenders kept. */
  int[] top(BoundedRanking.ExactScore exact, int k, int rowLength) {
    return SettledTopK.of(
        contenders, contenderFast, contenderCount, lower.threshold(), bound, exact, k, rowLength);
  }

  /**
   * Candidates ranked ahead of the best positive ({@code positive}, its row index): the sure ones
   * and the unsure ones whose exact score precedes it.
   */
  long ahead(BoundedRanking.ExactScore exact, int positive) {
    long count = ahead;
    for (int u = 0; u < unsureCount; u++) {
      if (Ranking.precedes(exact.of(unsure[u]), unsure[u], positiveScore, positive)) {
        count++;
      }
    }
    return count;
  }
}
