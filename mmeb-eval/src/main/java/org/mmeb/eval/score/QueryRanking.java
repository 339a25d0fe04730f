package org.mmeb.eval.score;

import java.util.List;
import org.mmeb.eval.task.MetricName;

/**
 * What scoring keeps of one query's ranking: the keys of the best {@link MetricName#MAX_K}
 * candidates, best first, and the 1-based rank of its best-ranked positive over the whole candidate
 * set ({@link #NO_LABELS} when the query has no relevant label, {@link #NOT_RANKED} when none of
 * its relevant keys is among the candidates).
 */
public record QueryRanking(List<String> top, int firstPositiveRank) {
  public static final int NO_LABELS = 0;
  public static final int NOT_RANKED = -1;

  public QueryRanking {
    top = List.copyOf(top);
  }
}
