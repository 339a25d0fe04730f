package org.mmeb.eval.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact top {@code k} of a list whose fast scores are all known ({@link FastRowPass} keeps the
 * contenders), with exact scores computed only where fast scores cannot settle the order. Each
 * candidate's exact score lies in {@code [fast - bound, fast + bound]}. Candidates whose upper end
 * is below the k-th largest lower end rank below k others and drop out. The rest, sorted by upper
 * end, fall into clusters of overlapping intervals: clusters are strictly ordered among themselves,
 * so only a cluster of two or more needs exact scores, sorted by {@link Ranking#precedes}. On
 * well-separated scores this scores none exactly; on exact ties it scores the tied ones.
 */
final class SettledTopK {
  private SettledTopK() {}

  /**
   * @param candidates row indices of the candidates that may reach the top (every other one has an
   *     upper end below {@code threshold}), with their fast scores in {@code fast}, {@code count}
   *     of them
   * @param threshold the k-th largest lower end {@code fast - bound} of the row's finite fast
   *     scores
   * @param rowLength how many candidates the row has
   */
  static int[] of(
      int[] candidates,
      double[] fast,
      int count,
      double threshold,
      double bound,
      BoundedRanking.ExactScore exact,
      int k,
      int rowLength) {
    List<Entry> kept = contenders(candidates, fast, count, threshold, bound, exact);
    kept.sort((a, b) -> Double.compare(b.high, a.high));
    return settledTop(kept, exact, Math.min(k, rowLength));
  }

  /**
   * The first {@code size} of the contenders (sorted by upper end): each cluster of overlapping
   * intervals scored exactly and ordered, clusters in order.
   */
  private static int[] settledTop(List<Entry> kept, BoundedRanking.ExactScore exact, int size) {
    int[] top = new int[size];
    int filled = 0;
    for (int from = 0; filled < top.length && from < kept.size(); ) {
      int to = clusterEnd(kept, from);
      Entry[] cluster = kept.subList(from, to).toArray(new Entry[0]);
      if (cluster.length > 1) {
        settle(cluster, exact);
      }
      for (int i = 0; i < cluster.length && filled < top.length; i++) {
        top[filled++] = cluster[i].index;
      }
      from = to;
    }
    return top;
  }

  /**
   * The candidates whose upper end reaches the threshold (those with a non-finite fast score scored
   * exactly).
   */
  private static List<Entry> contenders(
      int[] candidates,
      double[] fast,
      int count,
      double threshold,
      double bound,
      BoundedRanking.ExactScore exact) {
    List<Entry> kept = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      int j = candidates[c];
      double f = fast[c];
      if (!Double.isFinite(f)) {
        double s = exact.of(j);
        kept.add(new Entry(j, s, s, s, true));
      } else if (f + bound >= threshold) {
        kept.add(new Entry(j, f - bound, f + bound, Double.NaN, false));
      }
    }
    return kept;
  }

  /** The end of the cluster of overlapping intervals that starts at {@code from} (by upper end). */
  private static int clusterEnd(List<Entry> kept, int from) {
    int to = from + 1;
    double low = kept.get(from).low;
    while (to < kept.size() && !(kept.get(to).high < low)) {
      low = Math.min(low, kept.get(to).low);
      to++;
    }
    return to;
  }

  /** Scores a cluster exactly and sorts it by {@link Ranking#precedes}. */
  private static void settle(Entry[] cluster, BoundedRanking.ExactScore exact) {
    for (int i = 0; i < cluster.length; i++) {
      if (!cluster[i].exact) {
        cluster[i] = new Entry(cluster[i].index, 0, 0, exact.of(cluster[i].index), true);
      }
    }
    Arrays.sort(
        cluster,
        (a, b) ->
            Ranking.precedes(a.score, a.index, b.score, b.index)
                ? -1
                : Ranking.precedes(b.score, b.index, a.score, a.index) ? 1 : 0);
  }

  private record Entry(int index, double low, double high, double score, boolean exact) {}
}
