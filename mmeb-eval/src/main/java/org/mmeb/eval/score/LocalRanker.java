package org.mmeb.eval.score;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
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
   * the key at each pool position, the pool positions of the row's relevant keys (distinct), and
   * whether the row has any label.
   */
  record Row(int[] at, IntFunction<String> keyAt, int[] relevant, boolean labelled) {}

  /** The best positive of a row (its place in the row, -1 when none) and its exact score. */
  private record Positive(int index, double score) {}

  /**
   * The kernel's products of the query with the row's candidates: candidate {@code j}'s at {@code
   * values[start + columns[j]]}.
   */
  record Products(float[] values, int start, int[] columns) {}

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
    int[] relevant =
        IntStream.range(0, all.length).filter(j -> relevance.containsKey(keys.get(j))).toArray();
    Row row = new Row(all, keys::get, relevant, !relevance.isEmpty());
    return rank(query, pool, row, new Products(products(query, pool, all), 0, all));
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
   * @param products the products of the query with the row's candidates, by this ranker's kernel
   *     (its error bound applies)
   */
  QueryRanking rank(float[] query, WeightedVectors pool, Row row, Products products) {
    int[] positives = positives(row);
    QuerySide side = querySide(query, pool, row, positives);
    CountedExactScore exact = exactScore(query, side, pool, row.at());
    Positive positive = bestPositive(positives, exact);
    double bound =
        new ScoreErrorBound(dots, query.length)
            .of(side.norm() * side.weight(), side.weight(), pool.maxScale(), pool.maxWeight());
    FastRowPass pass = pass(products, row, side.weight(), pool, bound, positive);
    List<String> top = keysOf(row, pass.top(exact, MetricName.MAX_K, row.at().length));
    long ahead = positive.index() >= 0 ? pass.ahead(exact, positive.index()) : 0;
    exactScores.add(exact.count());
    return new QueryRanking(top, firstPositiveRank(row, positive, ahead));
  }

  /** The keys of the row's candidates at these row indices. */
  private static List<String> keysOf(Row row, int[] indices) {
    String[] keys = new String[indices.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = row.keyAt().apply(row.at()[indices[i]]);
    }
    return Arrays.asList(keys);
  }

  private static FastRowPass pass(
      Products products,
      Row row,
      double qWeight,
      WeightedVectors pool,
      double bound,
      Positive positive) {
    return FastRowPass.scan(
        products.values(),
        products.start(),
        products.columns(),
        row.at(),
        qWeight,
        pool,
        bound,
        positive.index() >= 0,
        positive.score());
  }

  /**
   * The query's norm and weight, and its dot with the first relevant candidate found ({@code
   * first}, -1 for none), computed in one pass, each as {@link Similarity#dot} sums it.
   */
  private record QuerySide(double norm, double weight, int first, double firstDot) {}

  private QuerySide querySide(float[] query, WeightedVectors pool, Row row, int[] positives) {
    int first = positives.length == 0 ? -1 : positives[0];
    float[] c = first < 0 ? new float[query.length] : pool.vector(row.at()[first]);
    double[] squareAndDot = new double[2];
    Similarity.squareAndDot(query, c, squareAndDot);
    double norm = Math.sqrt(squareAndDot[0]);
    return new QuerySide(norm, similarity.weightOfNorm(norm), first, squareAndDot[1]);
  }

  /**
   * The exact score of the row's candidate {@code j}, counted; the first relevant one found is
   * known.
   */
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

  /**
   * The row's relevant candidates (row indices): one tight scan of the row's pool positions per
   * relevant position (a row usually has one). Their order is free: the best positive is chosen by
   * {@link Ranking#precedes}, a strict order.
   */
  private static int[] positives(Row row) {
    int[] at = row.at();
    int[] found = new int[Math.min(at.length, 4)];
    int count = 0;
    for (int relevant : row.relevant()) {
      for (int j = 0; j < at.length; j++) {
        if (at[j] == relevant) {
          if (count == found.length) {
            found = Arrays.copyOf(found, at.length);
          }
          found[count++] = j;
        }
      }
    }
    return Arrays.copyOf(found, count);
  }

  private static Positive bestPositive(int[] positives, BoundedRanking.ExactScore exact) {
    int index = -1;
    double score = 0;
    for (int j : positives) {
      double s = exact.of(j);
      if (index < 0 || Ranking.precedes(s, j, score, index)) {
        index = j;
        score = s;
      }
    }
    return new Positive(index, score);
  }

  private static int firstPositiveRank(Row row, Positive positive, long ahead) {
    if (!row.labelled()) {
      return QueryRanking.NO_LABELS;
    }
    return positive.index() < 0 ? QueryRanking.NOT_RANKED : Math.toIntExact(ahead + 1);
  }
}
