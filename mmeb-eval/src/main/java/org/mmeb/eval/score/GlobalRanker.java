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
  private static final int QUERY_CHUNK = 48;
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
    Map<String, Integer> indexOf = firstIndexByKey(candidateKeys);
    int[] posIndex = new int[q.size()];
    BoundedRanking[] rankings = new BoundedRanking[q.size()];
    for (int i = 0; i < q.size(); i++) {
      rankings[i] = bestPositive(q, i, candidates, indexOf, relevance.get(i), posIndex);
    }
    if (q.size() > 0) {
      scoreBlocks(q, candidates, rankings);
    }
    return results(rankings, posIndex, candidateKeys, relevance);
  }

  /** Pairs scored in double by the last {@link #rank} call (the rest were decided fast). */
  public long exactScores() {
    return exactScores;
  }

  /**
   * One block of candidates as every chunk of queries reads it: vectors and weights, the same
   * packed for the kernel, the index of its first candidate, the error bound of the fast scores.
   */
  private record CandidateBlock(
      WeightedVectors vectors, FloatDots.Packed packed, int first, ScoreErrorBound bound) {}

  private void scoreBlocks(WeightedVectors q, VectorSource candidates, BoundedRanking[] rankings) {
    int n = q.size();
    int m = candidates.size();
    int dims = q.vector(0).length;
    q.requireDims(dims);
    ScoreErrorBound bound = new ScoreErrorBound(dots, dims);
    for (int start = 0; start < m; start += blockSize) {
      WeightedVectors vectors =
          WeightedVectors.of(candidates, start, Math.min(m, start + blockSize), similarity);
      vectors.requireDims(dims);
      CandidateBlock block =
          new CandidateBlock(
              vectors, dots.pack(vectors.vectors(), 0, vectors.size()), start, bound);
      IntStream.range(0, (n + QUERY_CHUNK - 1) / QUERY_CHUNK)
          .parallel()
          .forEach(
              chunk ->
                  scoreChunk(
                      chunk * QUERY_CHUNK,
                      Math.min(n, (chunk + 1) * QUERY_CHUNK),
                      q,
                      block,
                      rankings));
    }
  }

  private void scoreChunk(
      int from, int to, WeightedVectors q, CandidateBlock block, BoundedRanking[] rankings) {
    int width = block.vectors().size();
    float[] fast = new float[(to - from) * width];
    dots.block(q.vectors(), from, to, block.packed(), fast, width);
    for (int i = from; i < to; i++) {
      offerRow(q, i, block, fast, (i - from) * width, rankings[i]);
    }
  }

  /** Query {@code i}'s fast scores against the block (at {@code row} of {@code fast}). */
  private void offerRow(
      WeightedVectors q,
      int i,
      CandidateBlock block,
      float[] fast,
      int row,
      BoundedRanking ranking) {
    float[] query = q.vector(i);
    double qWeight = q.weight(i);
    WeightedVectors c = block.vectors();
    double e = block.bound().of(q.scale(i), qWeight, c.maxScale(), c.maxWeight());
    int first = block.first();
    BoundedRanking.ExactScore exact =
        index -> similarity.score(query, qWeight, c.vector(index - first), c.weight(index - first));
    double quiet = ranking.quietBelow(e);
    for (int j = 0; j < c.size(); j++) {
      double f = fast[row + j] * qWeight * c.weight(j);
      if (f < quiet && f > Double.NEGATIVE_INFINITY) {
        continue; // most candidates of a large corpus: neither near the top nor near the positive
      }
      ranking.offer(first + j, f, e, exact);
      quiet = ranking.quietBelow(e);
    }
  }

  private List<QueryRanking> results(
      BoundedRanking[] rankings,
      int[] posIndex,
      List<String> candidateKeys,
      List<Map<String, Double>> relevance) {
    List<QueryRanking> result = new ArrayList<>(rankings.length);
    for (int i = 0; i < rankings.length; i++) {
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
