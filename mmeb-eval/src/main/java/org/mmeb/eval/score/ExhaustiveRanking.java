package org.mmeb.eval.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.task.MetricName;

/**
 * The definition the fast rankers must equal: every pair scored in double by {@link
 * Similarity#score}, one full sort by {@link Ranking#order}. Slow (the ranker this harness had
 * before its float kernel); used to check the fast rankers, never to score a task.
 */
final class ExhaustiveRanking {
  private ExhaustiveRanking() {}

  static QueryRanking of(
      Similarity similarity,
      float[] query,
      List<float[]> candidates,
      List<String> keys,
      Map<String, Double> relevance) {
    double qWeight = similarity.weight(query);
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      float[] c = candidates.get(i);
      scores[i] = similarity.score(query, qWeight, c, similarity.weight(c));
    }
    int[] order = Ranking.order(scores);
    List<String> top = new ArrayList<>();
    int firstPositive = relevance.isEmpty() ? QueryRanking.NO_LABELS : QueryRanking.NOT_RANKED;
    for (int pos = 0; pos < order.length; pos++) {
      String key = keys.get(order[pos]);
      if (pos < MetricName.MAX_K) {
        top.add(key);
      }
      if (firstPositive == QueryRanking.NOT_RANKED && relevance.containsKey(key)) {
        firstPositive = pos + 1;
      }
    }
    return new QueryRanking(top, firstPositive);
  }
}
