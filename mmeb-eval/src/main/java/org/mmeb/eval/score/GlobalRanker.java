package org.mmeb.eval.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    BoundedRanking[] rankings = bestPositives(q, candidates, candidateKeys, relevance);
    if (q.size() > 0) {
      scoreBlocks(q, candidates, rankings);
    }
    return results(rankings, candidateKeys, relevance);
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
      WeightedVectors vectors, FloatDots.Packed packed, int first, ScoreErrorBound bound) {
    /** The bound on query {@code i}'s fast scores against this block. */
    double errorBound(WeightedVectors q, int i) {
      return bound.of(q.scale(i), q.weight(i), vectors.maxScale(), vectors.maxWeight());
    }

    /** The exact score of a query against the candidate at a corpus index in this block. */
    BoundedRanking.ExactScore exact(Similarity similarity, float[] query, double qWeight) {
      return index ->
          similarity.score(
              query, qWeight, vectors.vector(index - first), vectors.weight(index - first));
    }
  }

  /** Each query's ranking, started with its best positive scored exactly. */
  private BoundedRanking[] bestPositives(
      WeightedVectors q,
      VectorSource candidates,
      List<String> candidateKeys,
      List<Map<String, Double>> relevance) {
    Map<String, Integer> indexOf = firstIndexByKey(candidateKeys);
    BoundedRanking[] rankings = new BoundedRanking[q.size()];
    for (int i = 0; i < q.size(); i++) {
      int[] relevant = candidateIndices(relevance.get(i).keySet(), indexOf);
      rankings[i] = bestPositive(q.vector(i), q.weight(i), candidates, relevant);
    }
    return rankings;
  }

  /** The candidate indices of those keys that are candidates. */
  private static int[] candidateIndices(Set<String> keys, Map<String, Integer> indexOf) {
    return keys.stream()
        .map(indexOf::get)
        .filter(Objects::nonNull)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private BoundedRanking bestPositive(
      float[] query, double qWeight, VectorSource candidates, int[] relevant) {
    int best = -1;
    double bestScore = 0;
    for (int index : relevant) {
      float[] c = candidates.vector(index);
      double s = similarity.score(query, qWeight, c, similarity.weight(c));
      if (best < 0 || Ranking.precedes(s, index, bestScore, best)) {
        best = index;
        bestScore = s;
      }
    }
    return new BoundedRanking(best, bestScore);
  }

  private void scoreBlocks(WeightedVectors q, VectorSource candidates, BoundedRanking[] rankings) {
    int dims = q.vector(0).length;
    q.requireDims(dims);
    ScoreErrorBound bound = new ScoreErrorBound(dots, dims);
    FloatDots.Packed packed = null; // each block packed into the previous block's memory
    for (int start = 0; start < candidates.size(); start += blockSize) {
      int end = Math.min(candidates.size(), start + blockSize);
      WeightedVectors vectors = WeightedVectors.of(candidates, start, end, similarity);
      vectors.requireDims(dims);
      packed = dots.pack(vectors.vectors(), 0, vectors.size(), packed);
      scoreBlock(q, new CandidateBlock(vectors, packed, start, bound), rankings);
    }
  }

  /** The block against every query, chunks of queries in parallel. */
  private void scoreBlock(WeightedVectors q, CandidateBlock block, BoundedRanking[] rankings) {
    int n = q.size();
    IntStream.range(0, (n + QUERY_CHUNK - 1) / QUERY_CHUNK)
        .parallel()
        .forEach(
            chunk -> {
              int from = chunk * QUERY_CHUNK;
              scoreChunk(from, Math.min(n, from + QUERY_CHUNK), q, block, rankings);
            });
  }

  private void scoreChunk(
      int from, int to, WeightedVectors q, CandidateBlock block, BoundedRanking[] rankings) {
    int width = block.vectors().size();
    float[] fast = new float[(to - from) * width];
    dots.block(q.vectors(), from, to, block.packed(), fast, width);
    int[] unsure = new int[width];
    for (int i = from; i < to; i++) {
      offerRow(q, i, block, fast, (i - from) * width, rankings[i], unsure);
    }
  }

  /**
   * Query {@code i}'s fast scores against the block (at {@code row} of {@code fast}). Most
   * candidates of a large corpus cannot reach the top: those are only counted when surely ahead of
   * the best positive and listed when the bound cannot place them against it, without a branch (on
   * a random positive that is every other candidate, and a branch on it was mispredicted as often);
   * the listed ones are offered after the scan (they stay below the top's threshold, which only
   * rises). Top contenders and non-finite fast scores are offered as they come.
   */
  private void offerRow(
      WeightedVectors q,
      int i,
      CandidateBlock block,
      float[] fast,
      int row,
      BoundedRanking ranking,
      int[] unsure) {
    double qWeight = q.weight(i);
    WeightedVectors c = block.vectors();
    double e = block.errorBound(q, i);
    BoundedRanking.ExactScore exact = block.exact(similarity, q.vector(i), qWeight);
    double top = ranking.topThreshold();
    double positive = ranking.positiveScoreOrInfinity();
    long ahead = 0;
    int unsureCount = 0;
    for (int j = 0; j < c.size(); j++) {
      double f = fast[row + j] * qWeight * c.weight(j);
      // false for NaN and infinities too: those are offered, and scored exactly
      if (f + e < top && f > Double.NEGATIVE_INFINITY) {
        int reaches = f + e >= positive ? 1 : 0;
        int surelyAhead = f - e > positive ? 1 : 0;
        ahead += surelyAhead;
        unsure[unsureCount] = j;
        unsureCount += reaches - surelyAhead;
      } else {
        ranking.offer(block.first() + j, f, e, exact);
        top = ranking.topThreshold();
      }
    }
    ranking.countAhead(ahead);
    for (int u = 0; u < unsureCount; u++) {
      int j = unsure[u];
      ranking.offer(block.first() + j, fast[row + j] * qWeight * c.weight(j), e, exact);
    }
  }

  private List<QueryRanking> results(
      BoundedRanking[] rankings, List<String> candidateKeys, List<Map<String, Double>> relevance) {
    List<QueryRanking> result = new ArrayList<>(rankings.length);
    for (int i = 0; i < rankings.length; i++) {
      List<String> top = Arrays.stream(rankings[i].top()).mapToObj(candidateKeys::get).toList();
      result.add(new QueryRanking(top, firstPositiveRank(rankings[i], relevance.get(i))));
      exactScores += rankings[i].exactScores();
    }
    return result;
  }

  private static int firstPositiveRank(BoundedRanking ranking, Map<String, Double> relevance) {
    if (ranking.hasPositive()) {
      return ranking.positiveRank();
    }
    return relevance.isEmpty() ? QueryRanking.NO_LABELS : QueryRanking.NOT_RANKED;
  }

  private static Map<String, Integer> firstIndexByKey(List<String> keys) {
    Map<String, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      indexOf.putIfAbsent(keys.get(i), i);
    }
    return indexOf;
  }
}
