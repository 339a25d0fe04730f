package org.mmeb.eval.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.data.CandidateNumbering;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.NumberedCandidates;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.RankingTask;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.MetricName;

/**
 * Scores one task from its data and embeddings: rank (local or global, one tie rule), per-query
 * metrics, then numpy-exact means. The V1 protocol is the local case with one positive (candidate
 * 0): its accuracy is hit@1 here, first maximum winning through {@link Ranking}'s tie rule.
 */
public final class TaskScorer {
  private TaskScorer() {}

  /** Cosine similarity, as the reference (see {@link Similarity}). */
  public static DatasetScore score(RankingTask task, EmbeddingLookup embeddings) {
    return score(task, embeddings, Similarity.COSINE);
  }

  public static DatasetScore score(
      RankingTask task, EmbeddingLookup embeddings, Similarity similarity) {
    return score(task, embeddings, embeddings, similarity);
  }

  /** Queries and candidates looked up separately (e.g. a submission's two files). */
  public static DatasetScore score(
      RankingTask task,
      EmbeddingLookup queries,
      EmbeddingLookup candidates,
      Similarity similarity) {
    List<QueryRow> rows = task.rows();
    List<QueryRanking> rankings =
        task.spec().evalType() == EvalType.GLOBAL
            ? rankGlobal(task, queries, candidates, similarity)
            : rankLocal(rows, queries, candidates, similarity);
    List<Map<String, Double>> relevance = rows.stream().map(QueryRow::relevance).toList();
    return summarize(task.spec().name(), task.spec().mainMetric(), rows, rankings, relevance)
        .withTiedAtTop(TopTies.count(rows, rankings, queries, candidates, similarity));
  }

  /** Metrics, main score and outcomes from rankings already made. */
  public static DatasetScore summarize(
      String task,
      MetricName main,
      List<QueryRow> rows,
      List<QueryRanking> rankings,
      List<Map<String, Double>> relevance) {
    int n = rankings.size();
    double[][] byMetric = new double[MetricName.ALL.size()][n];
    List<QueryOutcome> outcomes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double[] values = QueryMetrics.compute(rankings.get(i).top(), relevance.get(i));
      for (int m = 0; m < values.length; m++) {
        byMetric[m][i] = values[m];
      }
      outcomes.add(
          new QueryOutcome(
              rows.get(i).row(), rankings.get(i).firstPositiveRank(), values[main.index()]));
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (MetricName name : MetricName.ALL) {
      metrics.put(name.toString(), NumpyMean.of(byMetric[name.index()]));
    }
    String mainMetric = main.toString();
    return new DatasetScore(task, mainMetric, metrics.get(mainMetric), n, metrics, outcomes, 0);
  }

  private static List<QueryRanking> rankLocal(
      List<QueryRow> rows,
      EmbeddingLookup queries,
      EmbeddingLookup candidates,
      Similarity similarity) {
    List<float[]> queryVectors = rows.stream().map(r -> queries.get(r.query().key())).toList();
    List<Map<String, Double>> relevance = rows.stream().map(QueryRow::relevance).toList();
    LocalTaskRanker ranker = new LocalTaskRanker(similarity);
    CandidateNumbering numbering = CandidateNumbering.sharedBy(rows);
    if (numbering != null) {
      return ranker.rankNumbered(queryVectors, numbered(rows), numbering, candidates, relevance);
    }
    return ranker.rank(queryVectors, candidateKeys(rows), candidates, relevance);
  }

  /** Rows whose reader numbered their candidates ({@link CandidateNumbering#sharedBy}). */
  private static List<NumberedCandidates> numbered(List<QueryRow> rows) {
    return rows.stream().map(r -> (NumberedCandidates) r.candidates()).toList();
  }

  private static List<List<String>> candidateKeys(List<QueryRow> rows) {
    return rows.stream().map(r -> r.candidates().stream().map(Item::key).toList()).toList();
  }

  private static List<QueryRanking> rankGlobal(
      RankingTask task,
      EmbeddingLookup queries,
      EmbeddingLookup candidates,
      Similarity similarity) {
    List<QueryRow> rows = task.rows();
    List<String> keys = task.globalCandidates().stream().map(Item::key).toList();
    return new GlobalRanker(similarity)
        .rank(
            vectors(rows.stream().map(r -> r.query().key()).toList(), queries),
            vectors(keys, candidates),
            keys,
            rows.stream().map(QueryRow::relevance).toList());
  }

  private static VectorSource vectors(List<String> keys, EmbeddingLookup embeddings) {
    return new VectorSource() {
      @Override
      public int size() {
        return keys.size();
      }

      @Override
      public float[] vector(int index) {
        return embeddings.get(keys.get(index));
      }
    };
  }
}
