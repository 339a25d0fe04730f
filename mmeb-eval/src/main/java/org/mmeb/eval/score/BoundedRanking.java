package org.mmeb.eval.score;

import org.mmeb.eval.task.MetricName;

/**
 * One query's {@link QueryRanking} built from fast scores and their error bound, exactly as if
 * every candidate had been scored in double: a candidate is re-scored exactly only when its fast
 * score cannot rule it out of the top {@link MetricName#MAX_K} (its upper bound reaches the k-th
 * largest lower bound seen) or cannot tell whether it ranks ahead of the best positive (whose exact
 * score is known beforehand). Everything exact goes through {@link Ranking#precedes}, so the result
 * does not depend on the order in which candidates are offered.
 */
final class BoundedRanking {
  /** The exact (double) score of a candidate, computed only when asked. */
  interface ExactScore {
    double of(int candidate);
  }

  private final TopK top = new TopK(MetricName.MAX_K);
  private final LowerBounds lower = new LowerBounds(MetricName.MAX_K);
  private final int positive;
  private final double positiveScore;
  private long ahead;
  private long exactScores;

  /**
   * @param positive index of the best positive (its exact score given), or -1 when none is ranked
   */
  BoundedRanking(int positive, double positiveScore) {
    this.positive = positive;
    this.positiveScore = positiveScore;
  }

  /**
   * The k-th largest lower end offered so far: a finite fast score whose upper end {@code fast +
   * bound} is below it cannot reach the top, and {@link #offer} only compares it with the best
   * positive (as {@link #countAhead} does without it).
   */
  double topThreshold() {
    return lower.threshold();
  }

  /** The best positive's exact score, +infinity when there is none (nothing ranks ahead of it). */
  double positiveScoreOrInfinity() {
    return positive >= 0 ? positiveScore : Double.POSITIVE_INFINITY;
  }

  /**
   * Candidates that {@link #offer} would have counted as surely ahead of the best positive (a
   * finite fast score below {@link #topThreshold} whose lower end is above the positive's score).
   */
  void countAhead(long surelyAhead) {
    ahead += surelyAhead;
  }

  /** One candidate: its fast score, the bound on that score's error, its exact score on demand. */
  void offer(int index, double fast, double bound, ExactScore exact) {
    if (Double.isFinite(fast) && fast + bound < lower.threshold()) {
      if (positive >= 0 && fast + bound >= positiveScore) {
        if (fast - bound > positiveScore
            || Ranking.precedes(exact(exact, index), index, positiveScore, positive)) {
          ahead++;
        }
      }
      return;
    }
    double score = exact(exact, index);
    top.offer(score, index);
    lower.offer(score);
    if (positive >= 0 && Ranking.precedes(score, index, positiveScore, positive)) {
      ahead++;
    }
  }

  private double exact(ExactScore exact, int index) {
    exactScores++;
    return exact.of(index);
  }

  /** How many candidates were scored exactly (for {@code bench scoring}). */
  long exactScores() {
    return exactScores;
  }

  int[] top() {
    return top.ranked();
  }

  /** Whether a best positive was given (a relevant key among the candidates). */
  boolean hasPositive() {
    return positive >= 0;
  }

  /** 1-based rank of the best positive; only meaningful when one was given. */
  int positiveRank() {
    return Math.toIntExact(ahead + 1);
  }
}
