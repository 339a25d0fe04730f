package org.mmeb.eval.score;

import java.util.Arrays;

/**
 * The one tie rule of the harness, used by every ranking (local lists and the global top-k heap):
 * candidates are ordered by similarity, highest first; <b>equal similarities keep candidate order
 * (the earlier candidate ranks first)</b>.
 *
 * <p>Why: the V1 reference predicts with {@code np.argmax}, which returns the first maximum, and
 * the positive is candidate 0, so a tie with the positive is a hit. This rule reproduces that
 * exactly. The V2 reference ranks with {@code np.argsort(-scores)}, an unstable sort whose tie
 * order is unspecified; for tied candidates we use the same rule (candidate order, for global tasks
 * the first-occurrence order of the deduplicated candidate set). A constant scorer therefore ranks
 * candidates in their given order.
 */
public final class Ranking {
  private Ranking() {}

  /** True when candidate {@code a} ranks strictly before candidate {@code b}. */
  public static boolean precedes(double scoreA, int indexA, double scoreB, int indexB) {
    return scoreA > scoreB || (scoreA == scoreB && indexA < indexB);
  }

  /** Candidate indices in rank order. */
  public static int[] order(double[] scores) {
    Integer[] boxed = new Integer[scores.length];
    Arrays.setAll(boxed, i -> i);
    Arrays.sort(boxed, (a, b) -> precedes(scores[a], a, scores[b], b) ? -1 : (a.equals(b) ? 0 : 1));
    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }

  /**
   * 1-based rank the candidate {@code target} gets: one plus the number of candidates that precede
   * it.
   */
  public static int rankOf(double[] scores, int target) {
    int ahead = 0;
    for (int i = 0; i < scores.length; i++) {
      if (precedes(scores[i], i, scores[target], target)) {
        ahead++;
      }
    }
    return ahead + 1;
  }
}
