package org.mmeb.eval.score;

/**
 * An {@link BoundedRanking.ExactScore} that counts how many exact scores it gave, and can be told
 * one candidate's exact score beforehand (computed alongside another dot, see {@link
 * Similarity#squareAndDot}).
 */
final class CountedExactScore implements BoundedRanking.ExactScore {
  private final BoundedRanking.ExactScore exact;
  private long count;
  private int known = -1;
  private double knownScore;

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
    count++;
    return candidate == known ? knownScore : exact.of(candidate);
  }

  long count() {
    return count;
  }
}
