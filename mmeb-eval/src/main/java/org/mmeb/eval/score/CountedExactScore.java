package org.mmeb.eval.score;

/** An {@link BoundedRanking.ExactScore} that counts how many exact scores it computed. */
final class CountedExactScore implements BoundedRanking.ExactScore {
  private final BoundedRanking.ExactScore exact;
  private long count;

  CountedExactScore(BoundedRanking.ExactScore exact) {
    this.exact = exact;
  }

  @Override
  public double of(int candidate) {
    count++;
    return exact.of(candidate);
  }

  long count() {
    return count;
  }
}
