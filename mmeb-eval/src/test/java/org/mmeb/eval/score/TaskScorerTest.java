package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.data.CandidateNumbering;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.TaskSpec;

class TaskScorerTest {
  private final Map<String, float[]> vectors = new HashMap<>();
  private final List<QueryRow> rows = new ArrayList<>();

  private void vector(String key, float... v) {
    vectors.put(key, v);
  }

  /** A V1-style row: candidate 0 is the positive. */
  private void row(String query, String... candidates) {
    List<Item> items = new ArrayList<>();
    for (String c : candidates) {
      items.add(Item.textOnly(c, c));
    }
    Map<String, Double> relevance =
        candidates.length == 0 ? Map.of(query + "-pos", 1.0) : Map.of(candidates[0], 1.0);
    rows.add(new QueryRow(rows.size(), Item.textOnly(query, query), items, relevance));
  }

  /** Rows as given (ranked by their keys), and numbered as a reader hands them over: one score. */
  private DatasetScore scoreLocal(Similarity similarity) {
    TaskSpec spec = Tasks.spec("v1-like", "hit@1", EvalType.LOCAL);
    DatasetScore byKeys =
        TaskScorer.score(
            new TaskData(spec, rows, List.of(), null).ranking(), vectors::get, similarity);
    List<QueryRow> numbered = CandidateNumbering.rows(rows);
    assertThat(CandidateNumbering.sharedBy(numbered) != null).isEqualTo(!rows.isEmpty());
    DatasetScore byNumbers =
        TaskScorer.score(
            new TaskData(spec, numbered, List.of(), null).ranking(), vectors::get, similarity);
    assertThat(byNumbers).isEqualTo(byKeys);
    return byNumbers;
  }

  @Test
  void v1ProtocolRowByRow() {
    vector("q", 1, 0);
    vector("qy", 0, 1);
    vector("east", 1, 0);
    vector("north", 0, 1);
    vector("west", -1, 0);
    vector("diag", 1, 1);
    vector("diag2", 2, 2);
    row("q", "east", "north", "west"); // positive first: rank 1
    row("q", "north", "east"); // positive second: rank 2
    row("q", "diag", "diag2"); // cosine tie with the positive: first maximum wins, rank 1
    row("qy", "north", "east", "north"); // a duplicate of the positive
    row("q", "north", "north", "north"); // constant scorer: all tied, rank 1
    row("q"); // no candidates: not ranked
    row("q", "west"); // one candidate, the positive: rank 1

    DatasetScore score = scoreLocal(Similarity.COSINE);

    assertThat(score.outcomes().stream().map(QueryOutcome::firstPositiveRank))
        .containsExactly(1, 2, 1, 1, 1, QueryRanking.NOT_RANKED, 1);
    assertThat(score.outcomes().stream().map(QueryOutcome::mainValue))
        .containsExactly(1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0);
    assertThat(score.mainScore()).isEqualTo(5.0 / 7);
    assertThat(score.queries()).isEqualTo(7);
    assertThat(score.metrics()).containsKeys("hit@1", "mrr@10").hasSize(24);
    // mrr@10: 1, 1/2, 1, 1, 1, 0, 1
    assertThat(score.metrics().get("mrr@10")).isCloseTo(5.5 / 7, within(1e-15));
  }

  @Test
  void rawDotProductBreaksTheCosineTie() {
    vector("q", 1, 0);
    vector("diag", 1, 1);
    vector("diag2", 2, 2);
    row("q", "diag", "diag2");
    assertThat(scoreLocal(Similarity.COSINE).mainScore()).isEqualTo(1.0);
    assertThat(scoreLocal(Similarity.DOT).mainScore()).isEqualTo(0.0);
  }

  @Test
  void constantScorerOnAGlobalTaskRanksInCorpusOrder() {
    List<Item> corpus = new ArrayList<>();
    for (int j = 0; j < 30; j++) {
      corpus.add(Item.textOnly("d" + j, "doc " + j));
      vector("d" + j, 0.3f, 0.3f);
    }
    vector("q", 0.3f, 0.3f);
    rows.add(new QueryRow(0, Item.textOnly("q", "q"), List.of(), Map.of("d0", 1.0)));
    rows.add(new QueryRow(1, Item.textOnly("q", "q"), List.of(), Map.of("d12", 1.0)));
    TaskData data = new TaskData(Tasks.spec("const", "hit@1", EvalType.GLOBAL), rows, corpus, null);

    DatasetScore score = TaskScorer.score(data.ranking(), vectors::get);

    assertThat(score.outcomes().stream().map(QueryOutcome::firstPositiveRank))
        .containsExactly(1, 13);
    assertThat(score.metrics().get("mrr@10")).isEqualTo(0.5);
  }

  @Test
  void globalTaskWithGradedQrels() {
    vector("d0", 1, 0, 0);
    vector("d1", 0, 1, 0);
    vector("d2", 0, 0, 1);
    vector("q0", 0.1f, 0, 1);
    vector("q1", 1, 0.2f, 0.5f);
    List<Item> corpus =
        List.of(Item.textOnly("d0", "a"), Item.textOnly("d1", "b"), Item.textOnly("d2", "c"));
    rows.add(new QueryRow(0, Item.textOnly("q0", "x"), List.of(), Map.of("d2", 2.0, "d0", 1.0)));
    rows.add(new QueryRow(1, Item.textOnly("q1", "y"), List.of(), Map.of("d1", 1.0)));
    TaskData data =
        new TaskData(Tasks.spec("docs", "ndcg_linear@5", EvalType.GLOBAL), rows, corpus, null);

    DatasetScore score = TaskScorer.score(data.ranking(), vectors::get);

    // q0 ranks d2, d0, d1: ideal order, ndcg 1. q1 ranks d0, d2, d1: ndcg 1/log2(4) = 0.5.
    assertThat(score.outcomes().stream().map(QueryOutcome::firstPositiveRank))
        .containsExactly(1, 3);
    assertThat(score.outcomes().stream().map(QueryOutcome::mainValue)).containsExactly(1.0, 0.5);
    assertThat(score.mainScore()).isEqualTo(0.75);
    assertThat(score.metrics().get("hit@1")).isEqualTo(0.5);
    assertThat(score.metrics().get("recall@1")).isEqualTo(0.25); // q0: 1 of 2 positives
  }

  @Test
  void aTaskWithoutQueriesHasNaNMetricsNotZero() {
    DatasetScore score = scoreLocal(Similarity.COSINE);
    assertThat(score.queries()).isZero();
    assertThat(score.mainScore()).isNaN();
  }
}
