package org.mmeb.eval.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.mmeb.eval.task.MetricName;

/**
 * Ranks one query against its own candidate list (V1, and V2 {@code local} tasks): fast float
 * scores for the whole list, then exact double scores only where the fast ones, within their {@link
 * ScoreErrorBound}, cannot settle the top {@link MetricName#MAX_K} ({@link SettledTopK}) or whether
 * a candidate ranks ahead of the best positive (scored exactly first). The ranking equals the one
 * of exact scores under {@link Ranking}'s tie rule.
 */
public final class LocalRanker {
  private final Similarity similarity;
  private final FloatDots dots;
  private final LongAdder exactScores = new LongAdder();

  public LocalRanker(Similarity similarity) {
    this(similarity, FloatDots.best());
  }

  FloatDots dots() {
    return dots;
  }

  LocalRanker(Similarity similarity, FloatDots dots) {
    this.similarity = similarity;
    this.dots = dots;
  }

  /** Pairs scored in double so far (the rest were decided by the fast kernel). */
  public long exactScores() {
    return exactScores.sum();
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
    candidates.requireDims(query.length);
    int[] all = java.util.stream.IntStream.range(0, candidates.size()).toArray();
    return rank(query, candidates, all, products(query, candidates, all), keys, relevance);
  }

  /** The kernel's products of the query with the candidates at these positions of the pool. */
  float[] products(float[] query, WeightedVectors pool, int[] at) {
    float[][] vectors = new float[at.length][];
    for (int j = 0; j < at.length; j++) {
      vectors[j] = pool.vector(at[j]);
    }
    float[] dot = new float[at.length];
    dots.row(query, vectors, dot);
    return dot;
  }

  /**
   * @param pool candidate vectors with their weights (of the query's length)
   * @param at the row's candidates: positions in the pool, in the row's order
   * @param dot the products of the query with those candidates, by this ranker's kernel (its error
   *     bound applies)
   */
  QueryRanking rank(
      float[] query,
      WeightedVectors pool,
      int[] at,
      float[] dot,
      List<String> keys,
      Map<String, Double> relevance) {
    int m = at.length;
    double qNorm = Similarity.norm(query);
    double qWeight = similarity.weightOfNorm(qNorm);
    BoundedRanking.ExactScore exact =
        j -> similarity.score(query, qWeight, pool.vector(at[j]), pool.weight(at[j]));
    long[] exactCount = {0};
    int positive = -1;
    double positiveScore = 0;
    for (int j = 0; j < m; j++) {
      if (relevance.containsKey(keys.get(j))) {
        double s = exact.of(j);
        exactCount[0]++;
        if (positive < 0 || Ranking.precedes(s, j, positiveScore, positive)) {
          positive = j;
          positiveScore = s;
        }
      }
    }
    double bound =
        new ScoreErrorBound(dots, query.length)
            .of(qNorm * qWeight, qWeight, pool.maxScale(), pool.maxWeight());
    double[] fast = new double[m];
    for (int j = 0; j < m; j++) {
      fast[j] = dot[j] * qWeight * pool.weight(at[j]);
    }
    List<String> top = new ArrayList<>();
    for (int j : SettledTopK.of(fast, bound, exact, MetricName.MAX_K, exactCount)) {
      top.add(keys.get(j));
    }
    long ahead = 0;
    for (int j = 0; j < m && positive >= 0; j++) {
      double f = fast[j];
      if (Double.isFinite(f) && f - bound > positiveScore) {
        ahead++;
      } else if (!Double.isFinite(f) || f + bound >= positiveScore) {
        exactCount[0]++;
        if (Ranking.precedes(exact.of(j), j, positiveScore, positive)) {
          ahead++;
        }
      }
    }
    exactScores.add(exactCount[0]);
    int firstPositive =
        relevance.isEmpty()
            ? QueryRanking.NO_LABELS
            : positive < 0 ? QueryRanking.NOT_RANKED : Math.toIntExact(ahead + 1);
    return new QueryRanking(top, firstPositive);
  }
}
