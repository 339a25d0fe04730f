package org.mmeb.eval.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Ranks every query against one shared candidate set (V2 {@code global} tasks) without a full score
 * matrix or a full sort: candidates are visited in blocks, each block is scored against all queries
 * in parallel (chunks of queries per thread), and each query keeps a {@link TopK} heap plus a
 * counter of candidates ranked ahead of its best positive. Memory beyond the vectors is one
 * candidate block of references and O(k) per query, whatever the corpus size.
 *
 * <p>The best positive is found first, with the same similarity function, so counting "ahead"
 * candidates gives the exact 1-based rank of the first positive under {@link Ranking}'s tie rule.
 */
public final class GlobalRanker {
  private static final int QUERY_CHUNK = 16;
  private final Similarity similarity;
  private final int blockSize;

  public GlobalRanker(Similarity similarity, int blockSize) {
    this.similarity = similarity;
    this.blockSize = blockSize;
  }

  public GlobalRanker(Similarity similarity) {
    this(similarity, 512);
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
    int n = queries.size();
    float[][] q = new float[n][];
    double[] qWeight = new double[n];
    for (int i = 0; i < n; i++) {
      q[i] = queries.vector(i);
      qWeight[i] = similarity.weight(q[i]);
    }
    Map<String, Integer> indexOf = firstIndexByKey(candidateKeys);
    int[] posIndex = new int[n];
    double[] posScore = new double[n];
    for (int i = 0; i < n; i++) {
      findBestPositive(
          i, q[i], qWeight[i], candidates, indexOf, relevance.get(i), posIndex, posScore);
    }
    TopK[] heaps = new TopK[n];
    long[] ahead = new long[n];
    for (int i = 0; i < n; i++) {
      heaps[i] = new TopK(MetricName.MAX_K);
    }
    int m = candidates.size();
    for (int start = 0; start < m; start += blockSize) {
      int end = Math.min(m, start + blockSize);
      float[][] block = new float[end - start][];
      double[] cWeight = new double[end - start];
      for (int j = start; j < end; j++) {
        block[j - start] = candidates.vector(j);
        cWeight[j - start] = similarity.weight(block[j - start]);
      }
      int first = start;
      IntStream.range(0, (n + QUERY_CHUNK - 1) / QUERY_CHUNK)
          .parallel()
          .forEach(
              chunk ->
                  scoreChunk(
                      chunk * QUERY_CHUNK,
                      Math.min(n, (chunk + 1) * QUERY_CHUNK),
                      q,
                      qWeight,
                      block,
                      cWeight,
                      first,
                      heaps,
                      ahead,
                      posIndex,
                      posScore));
    }
    List<QueryRanking> rankings = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> top = new ArrayList<>();
      for (int index : heaps[i].ranked()) {
        top.add(candidateKeys.get(index));
      }
      int rank =
          posIndex[i] >= 0
              ? Math.toIntExact(ahead[i] + 1)
              : relevance.get(i).isEmpty() ? QueryRanking.NO_LABELS : QueryRanking.NOT_RANKED;
      rankings.add(new QueryRanking(top, rank));
    }
    return rankings;
  }

  private void scoreChunk(
      int from,
      int to,
      float[][] q,
      double[] qWeight,
      float[][] block,
      double[] cWeight,
      int first,
      TopK[] heaps,
      long[] ahead,
      int[] posIndex,
      double[] posScore) {
    double[] dots = new double[4];
    int i = from;
    for (; i + 3 < to; i += 4) {
      for (int j = 0; j < block.length; j++) {
        Similarity.dot4(block[j], q[i], q[i + 1], q[i + 2], q[i + 3], dots);
        for (int u = 0; u < 4; u++) {
          double s = dots[u] * qWeight[i + u] * cWeight[j];
          record(i + u, s, first + j, heaps, ahead, posIndex, posScore);
        }
      }
    }
    for (; i < to; i++) {
      for (int j = 0; j < block.length; j++) {
        double s = similarity.score(q[i], qWeight[i], block[j], cWeight[j]);
        record(i, s, first + j, heaps, ahead, posIndex, posScore);
      }
    }
  }

  private static void record(
      int query,
      double score,
      int index,
      TopK[] heaps,
      long[] ahead,
      int[] posIndex,
      double[] posScore) {
    heaps[query].offer(score, index);
    if (posIndex[query] >= 0 && Ranking.precedes(score, index, posScore[query], posIndex[query])) {
      ahead[query]++;
    }
  }

  private void findBestPositive(
      int i,
      float[] query,
      double qWeight,
      VectorSource candidates,
      Map<String, Integer> indexOf,
      Map<String, Double> relevant,
      int[] posIndex,
      double[] posScore) {
    posIndex[i] = -1;
    for (String key : relevant.keySet()) {
      Integer index = indexOf.get(key);
      if (index == null) {
        continue;
      }
      float[] c = candidates.vector(index);
      double s = similarity.score(query, qWeight, c, similarity.weight(c));
      if (posIndex[i] < 0 || Ranking.precedes(s, index, posScore[i], posIndex[i])) {
        posIndex[i] = index;
        posScore[i] = s;
      }
    }
  }

  private static Map<String, Integer> firstIndexByKey(List<String> keys) {
    Map<String, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      indexOf.putIfAbsent(keys.get(i), i);
    }
    return indexOf;
  }
}
