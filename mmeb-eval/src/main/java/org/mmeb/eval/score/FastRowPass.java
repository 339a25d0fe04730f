package org.mmeb.eval.score;

import java.util.Arrays;
import org.mmeb.eval.task.MetricName;

/**
 * One pass over a row's fast scores that keeps only what its exact ranking needs: the contenders
 * for the top {@code k} (a fast score whose upper end {@code fast + bound} reaches the k-th largest
 * lower end {@code fast - bound}; see {@link SettledTopK}), the count of candidates surely ahead of
 * the best positive, and those the bound cannot place against it (scored exactly later). Non-finite
 * fast scores are contenders and unsure. The k-th largest lower end is kept while scanning: a
 * candidate whose upper end is below it so far is below it at the end too, and cannot change it, so
 * most candidates cost two multiplies and a few comparisons.
 */
final class FastRowPass {
  private final LowerBounds lower = new LowerBounds(MetricName.MAX_K);
  private final double bound;
  private final boolean hasPositive;
  private final double positiveScore;
  private int[] contenders = new int[16];
  private double[] contenderFast = new double[16];
  private int contenderCount;
  private int[] unsure = new int[4];
  private int unsureCount;
  private long ahead;

  /**
   * @param positiveScore the best positive's exact score (ignored when {@code hasPositive} is
   *     false)
   */
  private FastRowPass(double bound, boolean hasPositive, double positiveScore) {
    this.bound = bound;
    this.hasPositive = hasPositive;
    this.positiveScore = positiveScore;
  }

  /**
   * The row's candidate {@code j} has fast score {@code products[start + columns[j]] * qWeight *
   * weight(at[j])}: the kernel's product times both weights (the scale of exact scores), in the
   * order {@link ScoreErrorBound} bounds.
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
    FastRowPass pass = new FastRowPass(bound, hasPositive, positiveScore);
    double threshold = Double.NEGATIVE_INFINITY;
    // without a positive nothing is ahead of it: a finite f - bound is never above +infinity
    double positive = hasPositive ? positiveScore : Double.POSITIVE_INFINITY;
    long ahead = 0;
    for (int j = 0; j < at.length; j++) {
      double f = products[start + columns[j]] * qWeight * pool.weight(at[j]);
      if (f + bound >= threshold || !Double.isFinite(f)) {
        threshold = pass.contend(j, f);
      }
      // about half the row is ahead of a random positive: counted without a branch to mispredict
      boolean surelyAhead = f - bound > positive && f < Double.POSITIVE_INFINITY;
      ahead += surelyAhead ? 1 : 0;
      if (!surelyAhead && f + bound >= positive && Double.isFinite(f)) {
        pass.keepUnsure(j);
      }
    }
    pass.ahead = ahead;
    return pass;
  }

  /**
   * A candidate that may reach the top k (or has a non-finite fast score, so is scored exactly):
   * kept, its lower end offered; the k-th largest lower end so far returned.
   */
  private double contend(int j, double f) {
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
    return lower.threshold();
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
    if (unsureCount == unsure.length) {
      unsure = Arrays.copyOf(unsure, unsureCount * 2);
    }
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
