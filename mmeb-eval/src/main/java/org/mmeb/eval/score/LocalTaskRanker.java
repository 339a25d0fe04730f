package org.mmeb.eval.score;

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
   * Dense when the product of rows and pool is at most this many times the pairs needed: the packed
   * kernel's extra pairs cost less than rows' own products (bench scoring, 1000 of a pool of 4000
   * per row: 15% less CPU dense).
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

  /** Rows with little in common: each row's products on their own. */
  private List<QueryRanking> rankEach(float[][] queries, CandidatePool pool, RowSource rows) {
    return IntStream.range(0, queries.length)
        .parallel()
        .mapToObj(
            i -> {
              LocalRanker.Row row = rows.row(i);
              float[] dot = ranker.products(queries[i], pool.vectors(), row.at());
              LocalRanker.Products products =
                  new LocalRanker.Products(dot, 0, identity(dot.length));
              return ranker.rank(queries[i], pool.vectors(), row, products);
            })
        .toList();
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
