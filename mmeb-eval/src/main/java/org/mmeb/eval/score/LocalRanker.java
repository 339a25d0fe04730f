package org.mmeb.eval.score;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
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

  /**
   * One row's candidates: their positions in a pool of vectors, in the row's order (the tie order),
   * their keys, which of them (by place in the row) are relevant, and whether the row has any
   * label.
   */
  record Row(int[] at, List<String> keys, IntPredicate relevant, boolean labelled) {}

  /** The best positive of a row (its place in the row, -1 when none) and its exact score. */
  private record Positive(int index, double score) {}

  public LocalRanker(Similarity similarity) {
    this(similarity, FloatDots.best());
  }

  LocalRanker(Similarity similarity, FloatDots dots) {
    this.similarity = similarity;
    this.dots = dots;
  }

  FloatDots dots() {
    return dots;
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
    WeightedVectors pool = WeightedVectors.of(candidates.toArray(new float[0][]), similarity);
    pool.requireDims(query.length);
    int[] all = IntStream.range(0, pool.size()).toArray();
    Row row = new Row(all, keys, j -> relevance.containsKey(keys.get(j)), !relevance.isEmpty());
    return rank(query, pool, row, products(query, pool, all));
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
   * @param dot the products of the query with the row's candidates, by this ranker's kernel (its
   *     error bound applies)
   */
  QueryRanking rank(float[] query, WeightedVectors pool, Row row, float[] dot) {
    return rank(query, pool, row, qWeight -> fastScores(dot, qWeight, pool, row.at()));
  }

  /**
   * The row's fast scores (the kernel's products times the query's weight {@code qWeight} and the
   * candidate's): how a caller that holds the products reads them.
   */
  interface FastScores {
    double[] of(double qWeight);
  }

  /**
   * @param fastScores the row's fast scores from products by this ranker's kernel (its error bound
   *     applies)
   */
  QueryRanking rank(float[] query, WeightedVectors pool, Row row, FastScores fastScores) {
    QuerySide side = querySide(query, pool, row);
    CountedExactScore exact = exactScore(query, side, pool, row.at());
    Positive positive = bestPositive(row, exact);
    double bound =
        new ScoreErrorBound(dots, query.length)
            .of(side.norm() * side.weight(), side.weight(), pool.maxScale(), pool.maxWeight());
    double[] fast = fastScores.of(side.weight());
    int[] topIndices = SettledTopK.of(fast, bound, exact, MetricName.MAX_K);
    List<String> top = Arrays.stream(topIndices).mapToObj(row.keys()::get).toList();
    long ahead = countAhead(fast, bound, positive, exact);
    exactScores.add(exact.count());
    return new QueryRanking(top, firstPositiveRank(row, positive, ahead));
  }

  /**
   * The query's norm and weight, and its dot with the row's first relevant candidate ({@code
   * first}, -1 for none), computed in one pass, each as {@link Similarity#dot} sums it.
   */
  private record QuerySide(double norm, double weight, int first, double firstDot) {}

  private QuerySide querySide(float[] query, WeightedVectors pool, Row row) {
    int first = firstRelevant(row);
    float[] c = first < 0 ? new float[query.length] : pool.vector(row.at()[first]);
    double[] squareAndDot = new double[2];
    Similarity.dots(query, query, query, c, squareAndDot);
    double norm = Math.sqrt(squareAndDot[0]);
    return new QuerySide(norm, similarity.weightOfNorm(norm), first, squareAndDot[1]);
  }

  /** The exact score of the row's candidate {@code j}, counted; the first relevant one's known. */
  private CountedExactScore exactScore(
      float[] query, QuerySide side, WeightedVectors pool, int[] at) {
    double qWeight = side.weight();
    CountedExactScore exact =
        new CountedExactScore(
            j -> similarity.score(query, qWeight, pool.vector(at[j]), pool.weight(at[j])));
    if (side.first() >= 0) {
      double cWeight = pool.weight(at[side.first()]);
      exact.know(side.first(), Similarity.scoreOfDot(side.firstDot(), qWeight, cWeight));
    }
    return exact;
  }

  /** The fast dots times both weights (the scale of exact scores). */
  private static double[] fastScores(float[] dot, double qWeight, WeightedVectors pool, int[] at) {
    double[] fast = new double[at.length];
    for (int j = 0; j < at.length; j++) {
      fast[j] = dot[j] * qWeight * pool.weight(at[j]);
    }
    return fast;
  }

  /**
   * As {@link #fastScores}, the dots read from a product row with a column per pool position
   * starting at {@code start} (in one pass, without copying the row's columns out first).
   */
  static double[] fastScoresOfColumns(
      float[] products, int start, double qWeight, WeightedVectors pool, int[] at) {
    double[] fast = new double[at.length];
    for (int j = 0; j < at.length; j++) {
      fast[j] = products[start + at[j]] * qWeight * pool.weight(at[j]);
    }
    return fast;
  }

  /** The row's first relevant candidate, or -1. */
  private static int firstRelevant(Row row) {
    for (int j = 0; j < row.at().length; j++) {
      if (row.relevant().test(j)) {
        return j;
      }
    }
    return -1;
  }

  private static Positive bestPositive(Row row, BoundedRanking.ExactScore exact) {
    int index = -1;
    double score = 0;
    for (int j = 0; j < row.at().length; j++) {
      if (row.relevant().test(j)) {
        double s = exact.of(j);
        if (index < 0 || Ranking.precedes(s, j, score, index)) {
          index = j;
          score = s;
        }
      }
    }
    return new Positive(index, score);
  }

  /**
   * Candidates ranked ahead of the positive (none without one): exactly scored only where the bound
   * cannot tell.
   */
  private static long countAhead(
      double[] fast, double bound, Positive positive, BoundedRanking.ExactScore exact) {
    long ahead = 0;
    for (int j = 0; j < fast.length && positive.index() >= 0; j++) {
      double f = fast[j];
      if (Double.isFinite(f) && f - bound > positive.score()) {
        ahead++;
      } else if (!Double.isFinite(f) || f + bound >= positive.score()) {
        if (Ranking.precedes(exact.of(j), j, positive.score(), positive.index())) {
          ahead++;
        }
      }
    }
    return ahead;
  }

  private static int firstPositiveRank(Row row, Positive positive, long ahead) {
    if (!row.labelled()) {
      return QueryRanking.NO_LABELS;
    }
    return positive.index() < 0 ? QueryRanking.NOT_RANKED : Math.toIntExact(ahead + 1);
  }
}
