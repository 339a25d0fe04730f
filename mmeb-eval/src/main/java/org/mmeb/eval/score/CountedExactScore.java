package org.mmeb.eval.score;

import java.util.HashMap;
import java.util.Map;

/**
 * An {@link BoundedRanking.ExactScore} that computes each candidate's exact score at most once and
 * counts the candidates it computed, and can be told one candidate's exact score beforehand
 * (computed alongside another dot, see {@link Similarity#squareAndDot}; not counted, as a global
 * task's best positive is not: the count is of the pairs the fast scores could not settle).
 */
final class CountedExactScore implements BoundedRanking.ExactScore {
  private final BoundedRanking.ExactScore exact;
  private int known = -1;
  private double knownScore;

  /** Created at the first score computed: most rows compute none or one. */
  private Map<Integer, Double> computed;

  CountedExactScore(BoundedRanking.ExactScore exact) {
    this.exact = exact;
  }

  /** The exact score of {@code candidate}, as {@link #of} would compute it. */
  void know(int candidate, double score) {
    known = candidate;
    knownScore = score;
  }

  @Override
  public double of(int candidate) {
    if (candidate == known) {
      return knownScore;
    }
    if (computed == null) {
      computed = new HashMap<>();
    }
    return computed.computeIfAbsent(candidate, exact::of);
  }

  /** Distinct candidates scored by {@link #of}, the one told beforehand not counted. */
  long count() {
    return computed == null ? 0 : computed.size();
  }
}
