package org.mmeb.eval.score;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.mmeb.eval.data.CandidateNumbering;
import org.mmeb.eval.data.NumberedCandidates;

/**
 * Ranks every row of a {@code local} task against its own candidate list: each distinct candidate
 * key's vector and weight are fetched and computed once for the task ({@link CandidatePool}), then
 * rows are ranked in parallel by {@link LocalRanker} (a row's ranking depends on that row alone, so
 * the result does not depend on the threads). When rows share their candidates, the fast products
 * come from one blocked product of the rows with the distinct candidates, packed once per task.
 */
public final class LocalTaskRanker {
  /**
   * Dense when the product of rows and pool is at most this many times the pairs needed: up to here
   * the packed kernel's extra pairs cost no more than the rows' own products (bench scoring, 4
   * tasks of 1000 rows x 1000 of a pool of 2000: 0.33 CPU-s dense, 0.58 by rows; 3000: 0.56 and
   * 0.55; 4000: 0.67 and 0.66).
   */
  private static final int DENSE_FACTOR = 4;

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
    return rank(queries, CandidatePool.of(candidateKeys, candidates, similarity), relevance);
  }

  /**
   * {@link #rank} of rows whose candidates their reader numbered, all by {@code numbering}: no key
   * is hashed here.
   */
  public List<QueryRanking> rankNumbered(
      List<float[]> queries,
      List<NumberedCandidates> rows,
      CandidateNumbering numbering,
      EmbeddingLookup candidates,
      List<Map<String, Double>> relevance) {
    return rank(queries, CandidatePool.of(rows, numbering, candidates, similarity), relevance);
  }

  private List<QueryRanking> rank(
      List<float[]> queries, CandidatePool pool, List<Map<String, Double>> relevance) {
    float[][] q = sameLength(queries);
    pool.vectors().requireDims(q.length == 0 ? 0 : q[0].length);
    RowSource rows = i -> pool.rankerRow(i, relevance.get(i));
    if ((long) q.length * pool.vectors().size() <= DENSE_FACTOR * pool.pairs()) {
      return rankDense(q, pool, rows);
    }
    return rankEach(q, pool, rows);
  }

  /**
   * Rows with little in common: each row's products for its own candidates ({@link
   * SparseRowProducts}), groups of rows at a time so that a task of any size holds a bounded number
   * of products.
   */
  private List<QueryRanking> rankEach(float[][] queries, CandidatePool pool, RowSource rows) {
    LocalRanker.Row[] all = new LocalRanker.Row[queries.length];
    int[][] at = new int[queries.length][];
    for (int i = 0; i < all.length; i++) {
      all[i] = rows.row(i);
      at[i] = all[i].at();
    }
    QueryRanking[] rankings = new QueryRanking[queries.length];
    for (int from = 0; from < queries.length; ) {
      int to = groupEnd(at, from);
      float[][] products =
          SparseRowProducts.of(
              ranker.dots(),
              Arrays.copyOfRange(queries, from, to),
              Arrays.copyOfRange(at, from, to),
              pool.vectors());
      int first = from;
      IntStream.range(from, to)
          .parallel()
          .forEach(
              i -> {
                float[] dot = products[i - first];
                LocalRanker.Products rowProducts =
                    new LocalRanker.Products(dot, 0, identity(dot.length));
                rankings[i] = ranker.rank(queries[i], pool.vectors(), all[i], rowProducts);
              });
      from = to;
    }
    return List.of(rankings);
  }

  /** Products held at once by {@link #rankEach}: 16 MB of floats (and 32 MB of pair indices). */
  private static final int GROUP_PAIRS = 1 << 22;

  /** The end of the group of rows from {@code from}: at least one row, else up to the budget. */
  private static int groupEnd(int[][] at, int from) {
    long pairs = at[from].length;
    int to = from + 1;
    while (to < at.length && pairs + at[to].length <= GROUP_PAIRS) {
      pairs += at[to].length;
      to++;
    }
    return to;
  }

  private static int[] identity(int n) {
    return IntStream.range(0, n).toArray();
  }

  private interface RowSource {
    LocalRanker.Row row(int i);
  }

  private static float[][] sameLength(List<float[]> queries) {
    int dims = queries.isEmpty() ? 0 : queries.get(0).length;
    for (int i = 0; i < queries.size(); i++) {
      if (queries.get(i).length != dims) {
        throw new IllegalArgumentException(
            "query " + i + " has " + queries.get(i).length + " dimensions, query 0 " + dims);
      }
    }
    return queries.toArray(new float[0][]);
  }

  /**
   * Rows share most of their candidates (a classification task ranks the same labels in every row):
   * the pool packed once, a blocked product of each chunk of rows with the whole pool at the
   * kernel's full speed, then each row picks its own candidates' products.
   */
  private List<QueryRanking> rankDense(float[][] queries, CandidatePool pool, RowSource rows) {
    WeightedVectors vectors = pool.vectors();
    FloatDots.Packed packed = ranker.dots().pack(vectors.vectors(), 0, vectors.size());
    DenseTask task =
        new DenseTask(queries, vectors, packed, rows, new ChunkBuffers(ROW_CHUNK * vectors.size()));
    QueryRanking[] rankings = new QueryRanking[queries.length];
    IntStream.range(0, (queries.length + ROW_CHUNK - 1) / ROW_CHUNK)
        .parallel()
        .forEach(
            chunk -> {
              int from = chunk * ROW_CHUNK;
              rankChunk(task, from, Math.min(queries.length, from + ROW_CHUNK), rankings);
            });
    return List.of(rankings);
  }

  /**
   * What every chunk of a dense task reads: the rows, the pool and the pool packed; and the buffers
   * its products go to.
   */
  private record DenseTask(
      float[][] queries,
      WeightedVectors pool,
      FloatDots.Packed packed,
      RowSource rows,
      ChunkBuffers buffers) {}

  /**
   * A chunk's products array, taken by a chunk and given back when its rows are ranked: a task
   * allocates one per thread, not one per chunk (fresh memory for 48 x 1000 products cost a V1 task
   * 1.5-2 ms of CPU more than memory written before, one thread).
   */
  private static final class ChunkBuffers {
    private final ConcurrentLinkedQueue<float[]> free = new ConcurrentLinkedQueue<>();
    private final int length;

    ChunkBuffers(int length) {
      this.length = length;
    }

    float[] take() {
      float[] buffer = free.poll();
      return buffer != null ? buffer : new float[length];
    }

    void giveBack(float[] buffer) {
      free.add(buffer);
    }
  }

  /** Rows [from, to): their product with the packed pool, then each row ranked. */
  private void rankChunk(DenseTask task, int from, int to, QueryRanking[] rankings) {
    float[] products = task.buffers().take();
    rankRows(task, from, to, products, rankings);
    task.buffers().giveBack(products);
  }

  /** {@link #rankChunk} with its products written to {@code products} (every value it reads). */
  private void rankRows(
      DenseTask task, int from, int to, float[] products, QueryRanking[] rankings) {
    int width = task.pool().size();
    ranker.dots().block(task.queries(), from, to, task.packed(), products, width);
    WeightedVectors pool = task.pool();
    for (int i = from; i < to; i++) {
      LocalRanker.Row row = task.rows().row(i);
      int start = (i - from) * width;
      LocalRanker.Products rowProducts = new LocalRanker.Products(products, start, row.at());
      rankings[i] = ranker.rank(task.queries()[i], pool, row, rowProducts);
    }
  }
}
