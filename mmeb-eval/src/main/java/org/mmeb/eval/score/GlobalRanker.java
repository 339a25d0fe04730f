package org.mmeb.eval.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Ranks every query against one shared candidate set (V2 {@code global} tasks) without a full score
 * matrix or a full sort: candidates are visited in blocks, each block is scored against all queries
 * in parallel (chunks of queries per thread) by the fast float kernel, and each query keeps a
 * {@link BoundedRanking}: a top-k heap of exact scores, fed only with the candidates whose fast
 * score (within its proven {@link ScoreErrorBound}) could place them there, and an exact count of
 * the candidates ranked ahead of its best positive. Memory beyond the vectors is one candidate
 * block and O(k) per query, whatever the corpus size.
 *
 * <p>The best positive is scored exactly first, so counting "ahead" candidates gives the exact
 * 1-based rank of the first positive under {@link Ranking}'s tie rule. Results are bit-identical to
 * scoring every pair in double, whatever the thread or block order.
 */
public final class GlobalRanker {
  private static final int QUERY_CHUNK = 16;
  private final Similarity similarity;
  private final int blockSize;
  private final FloatDots dots;
  private long exactScores;

  public GlobalRanker(Similarity similarity, int blockSize) {
    this(similarity, blockSize, FloatDots.best());
  }

  public GlobalRanker(Similarity similarity) {
    this(similarity, 512);
  }

  GlobalRanker(Similarity similarity, int blockSize, FloatDots dots) {
    this.similarity = similarity;
    this.blockSize = blockSize;
    this.dots = dots;
  }

  /**
   * @param candidateKeys keys of the candidate set, unique, in candidate order (the tie order)
   * @param relevance per query: relevant candidate key → grade
   */
  public List<QueryRanking> rank(
      VectorSource queries,
      VectorSource candidates,
      List<String> candidateKeys,
      List<Map<String, Double>> relevance) {
    WeightedVectors q = WeightedVectors.of(queries, 0, queries.size(), similarity);
    int n = q.size();
    Map<String, Integer> indexOf = firstIndexByKey(candidateKeys);
    int[] posIndex = new int[n];
    BoundedRanking[] rankings = new BoundedRanking[n];
    for (int i = 0; i < n; i++) {
      rankings[i] = bestPositive(q, i, candidates, indexOf, relevance.get(i), posIndex);
    }
    int m = candidates.size();
    int dims = n == 0 ? 0 : q.vector(0).length;
    q.requireDims(dims);
    ScoreErrorBound bound = new ScoreErrorBound(dots, dims);
    for (int start = 0; start < m && n > 0; start += blockSize) {
      WeightedVectors block =
          WeightedVectors.of(candidates, start, Math.min(m, start + blockSize), similarity);
      block.requireDims(dims);
      int first = start;
      IntStream.range(0, (n + QUERY_CHUNK - 1) / QUERY_CHUNK)
          .parallel()
          .forEach(
              chunk ->
                  scoreChunk(
                      chunk * QUERY_CHUNK,
                      Math.min(n, (chunk + 1) * QUERY_CHUNK),
                      q,
                      block,
                      first,
                      bound,
                      rankings));
    }
    List<QueryRanking> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> top = new ArrayList<>();
      for (int index : rankings[i].top()) {
        top.add(candidateKeys.get(index));
      }
      int rank =
          posIndex[i] >= 0
              ? rankings[i].positiveRank()
              : relevance.get(i).isEmpty() ? QueryRanking.NO_LABELS : QueryRanking.NOT_RANKED;
      result.add(new QueryRanking(top, rank));
      exactScores += rankings[i].exactScores();
    }
    return result;
  }

  /** Pairs scored in double by the last {@link #rank} call (the rest were decided fast). */
  public long exactScores() {
    return exactScores;
  }

  private void scoreChunk(
      int from,
      int to,
      WeightedVectors q,
      WeightedVectors block,
      int first,
      ScoreErrorBound bound,
      BoundedRanking[] rankings) {
    int width = block.size();
    float[] fast = new float[(to - from) * width];
    dots.block(q.vectors(), from, to, block.vectors(), 0, width, fast, width);
    for (int i = from; i < to; i++) {
      float[] query = q.vector(i);
      double qWeight = q.weight(i);
      double e = bound.of(q.scale(i), qWeight, block.maxScale(), block.maxWeight());
      BoundedRanking.ExactScore exact =
          index ->
              similarity.score(
                  query, qWeight, block.vector(index - first), block.weight(index - first));
      BoundedRanking ranking = rankings[i];
      int row = (i - from) * width;
      double quiet = ranking.quietBelow(e);
      for (int j = 0; j < width; j++) {
        double f = fast[row + j] * qWeight * block.weight(j);
        if (f < quiet && f > Double.NEGATIVE_INFINITY) {
          continue; // most candidates of a large corpus: neither near the top nor near the positive
        }
        ranking.offer(first + j, f, e, exact);
        quiet = ranking.quietBelow(e);
      }
    }
  }

  private BoundedRanking bestPositive(
      WeightedVectors q,
      int i,
      VectorSource candidates,
      Map<String, Integer> indexOf,
      Map<String, Double> relevant,
      int[] posIndex) {
    posIndex[i] = -1;
    double posScore = 0;
    for (String key : relevant.keySet()) {
      Integer index = indexOf.get(key);
      if (index == null) {
        continue;
      }
      float[] c = candidates.vector(index);
      double s = similarity.score(q.vector(i), q.weight(i), c, similarity.weight(c));
      if (posIndex[i] < 0 || Ranking.precedes(s, index, posScore, posIndex[i])) {
        posIndex[i] = index;
        posScore = s;
      }
    }
    return new BoundedRanking(posIndex[i], posScore);
  }

  private static Map<String, Integer> firstIndexByKey(List<String> keys) {
    Map<String, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      indexOf.putIfAbsent(keys.get(i), i);
    }
    return indexOf;
  }
}
