package org.mmeb.eval.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ranks one query against its own candidate list (V1, and V2 {@code local} tasks): fast float
 * scores for the whole list, then exact double scores only where a {@link BoundedRanking} needs
 * them, so the ranking equals the one of exact scores under {@link Ranking}'s tie rule.
 */
public final class LocalRanker {
  private final Similarity similarity;
  private final FloatDots dots;

  public LocalRanker(Similarity similarity) {
    this(similarity, FloatDots.best());
  }

  LocalRanker(Similarity similarity, FloatDots dots) {
    this.similarity = similarity;
    this.dots = dots;
  }

  /**
   * @param keys candidate keys in the row's order (duplicates allowed: they tie, first one first)
   */
  public QueryRanking rank(
      float[] query, List<float[]> candidates, List<String> keys, Map<String, Double> relevance) {
    return rank(
        query, WeightedVectors.of(candidates.toArray(new float[0][]), similarity), keys, relevance);
  }

  QueryRanking rank(
      float[] query, WeightedVectors candidates, List<String> keys, Map<String, Double> relevance) {
    int m = candidates.size();
    candidates.requireDims(query.length);
    double qNorm = Similarity.norm(query);
    double qWeight = similarity.weightOfNorm(qNorm);
    BoundedRanking.ExactScore exact =
        j -> similarity.score(query, qWeight, candidates.vector(j), candidates.weight(j));
    int positive = -1;
    double positiveScore = 0;
    for (int j = 0; j < m; j++) {
      if (relevance.containsKey(keys.get(j))) {
        double s = exact.of(j);
        if (positive < 0 || Ranking.precedes(s, j, positiveScore, positive)) {
          positive = j;
          positiveScore = s;
        }
      }
    }
    BoundedRanking ranking = new BoundedRanking(positive, positiveScore);
    float[] dot = new float[m];
    if (m > 0) {
      dots.block(new float[][] {query}, 0, 1, candidates.vectors(), 0, m, dot, m);
    }
    double bound =
        new ScoreErrorBound(dots, query.length)
            .of(qNorm * qWeight, qWeight, candidates.maxScale(), candidates.maxWeight());
    double[] fast = new double[m];
    for (int j = 0; j < m; j++) {
      fast[j] = dot[j] * qWeight * candidates.weight(j);
      ranking.admitLowerBound(fast[j], bound);
    }
    for (int j = 0; j < m; j++) {
      ranking.offer(j, fast[j], bound, exact, false);
    }
    List<String> top = new ArrayList<>();
    for (int j : ranking.top()) {
      top.add(keys.get(j));
    }
    int firstPositive =
        relevance.isEmpty()
            ? QueryRanking.NO_LABELS
            : positive < 0 ? QueryRanking.NOT_RANKED : ranking.positiveRank();
    return new QueryRanking(top, firstPositive);
  }
}
