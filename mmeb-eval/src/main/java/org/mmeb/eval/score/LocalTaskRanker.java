package org.mmeb.eval.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Ranks every row of a {@code local} task against its own candidate list: each distinct candidate
 * key's vector and weight are fetched and computed once for the task, then rows are ranked in
 * parallel by {@link LocalRanker} (a row's ranking depends on that row alone, so the result does
 * not depend on the threads). When rows share their candidates, the fast products come from one
 * blocked product of the rows with the distinct candidates.
 */
public final class LocalTaskRanker {
  /** Dense when the product of rows and pool is at most this many times the pairs needed. */
  private static final int DENSE_FACTOR = 2;

  private static final int ROW_CHUNK = 48;
  private final Similarity similarity;
  private final LocalRanker ranker;

  public LocalTaskRanker(Similarity similarity) {
    this(similarity, FloatDots.best());
  }

  LocalTaskRanker(Similarity similarity, FloatDots dots) {
    this.similarity = similarity;
    this.ranker = new LocalRanker(similarity, dots);
  }

  /** Pairs scored in double so far (the rest were decided by the fast kernel). */
  public long exactScores() {
    return ranker.exactScores();
  }

  /**
   * @param queries one query vector per row
   * @param candidateKeys per row, its candidates' keys in the row's order (the tie order)
   * @param relevance per row: relevant candidate key → grade
   */
  public List<QueryRanking> rank(
      List<float[]> queries,
      List<List<String>> candidateKeys,
      EmbeddingLookup candidates,
      List<Map<String, Double>> relevance) {
    Map<String, Integer> poolIndex = new HashMap<>();
    List<float[]> poolVectors = new ArrayList<>();
    List<int[]> positions = new ArrayList<>(candidateKeys.size());
    for (List<String> keys : candidateKeys) {
      int[] at = new int[keys.size()];
      for (int j = 0; j < at.length; j++) {
        at[j] =
            poolIndex.computeIfAbsent(
                keys.get(j),
                key -> {
                  poolVectors.add(candidates.get(key));
                  return poolVectors.size() - 1;
                });
      }
      positions.add(at);
    }
    WeightedVectors pool = WeightedVectors.of(poolVectors.toArray(new float[0][]), similarity);
    int dims = queries.isEmpty() ? 0 : queries.get(0).length;
    for (int i = 0; i < queries.size(); i++) {
      if (queries.get(i).length != dims) {
        throw new IllegalArgumentException(
            "query " + i + " has " + queries.get(i).length + " dimensions, query 0 " + dims);
      }
    }
    pool.requireDims(dims);
    long needed = candidateKeys.stream().mapToLong(List::size).sum();
    if ((long) queries.size() * pool.size() <= DENSE_FACTOR * needed) {
      return rankDense(queries.toArray(new float[0][]), pool, positions, candidateKeys, relevance);
    }
    return IntStream.range(0, queries.size())
        .parallel()
        .mapToObj(
            i -> {
              float[] query = queries.get(i);
              int[] at = positions.get(i);
              return ranker.rank(
                  query,
                  pool,
                  at,
                  ranker.products(query, pool, at),
                  candidateKeys.get(i),
                  relevance.get(i));
            })
        .toList();
  }

  /**
   * Rows share most of their candidates (a classification task ranks the same labels in every row):
   * a blocked product of a chunk of rows with the whole pool, at the kernel's full speed, then each
   * row picks its own candidates' products.
   */
  private List<QueryRanking> rankDense(
      float[][] queries,
      WeightedVectors pool,
      List<int[]> positions,
      List<List<String>> candidateKeys,
      List<Map<String, Double>> relevance) {
    int width = pool.size();
    FloatDots.Packed packed = ranker.dots().pack(pool.vectors(), 0, width);
    QueryRanking[] rankings = new QueryRanking[queries.length];
    IntStream.range(0, (queries.length + ROW_CHUNK - 1) / ROW_CHUNK)
        .parallel()
        .forEach(
            chunk -> {
              int from = chunk * ROW_CHUNK;
              int to = Math.min(queries.length, from + ROW_CHUNK);
              float[] products = new float[(to - from) * width];
              ranker.dots().block(queries, from, to, packed, products, width);
              for (int i = from; i < to; i++) {
                int[] at = positions.get(i);
                float[] dot = new float[at.length];
                for (int j = 0; j < at.length; j++) {
                  dot[j] = products[(i - from) * width + at[j]];
                }
                rankings[i] =
                    ranker.rank(queries[i], pool, at, dot, candidateKeys.get(i), relevance.get(i));
              }
            });
    return List.of(rankings);
  }
}
