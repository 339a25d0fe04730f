package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.data.CandidateNumbering;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.RankingTask;
import org.mmeb.eval.task.EvalType;

/**
 * Local rows numbered by their reader are ranked from the numbers alone: every ranking and metric
 * equals ranking the same rows by their keys, and the all-double definition.
 */
class NumberedRowsScoringTest {
  private static final int DIMS = 24;
  private final SplittableRandom random = new SplittableRandom(7);
  private final Map<String, float[]> vectors = new HashMap<>();

  @Test
  void randomTiedAndDuplicatedRowsRankAsByKeys() {
    for (String key : List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7")) {
      vectors.put(key, gaussian());
    }
    vectors.put("c8", vectors.get("c3").clone()); // exact tie with c3 under any similarity
    vectors.put("c9", new float[DIMS]); // a zero vector: score 0
    List<QueryRow> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      List<Item> candidates = new ArrayList<>();
      for (int j = random.nextInt(12); j > 0; j--) { // empty rows too
        candidates.add(item("c" + random.nextInt(10))); // duplicates within a row
      }
      rows.add(row(i, candidates, relevance(i, candidates)));
    }
    assertScoredAlike(rows);
  }

  @Test
  void constantVectorsRankInRowOrder() {
    float[] constant = gaussian();
    List<QueryRow> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      List<Item> candidates = new ArrayList<>();
      for (int j = 0; j < 15; j++) {
        String key = "t" + ((j * 7 + i) % 13);
        vectors.put(key, constant);
        candidates.add(item(key));
      }
      rows.add(row(i, candidates, Map.of(candidates.get(i).key(), 1.0)));
    }
    vectors.put("q", constant);
    List<QueryRanking> ranked = assertScoredAlike(rows);
    for (int i = 0; i < rows.size(); i++) {
      List<String> keys = rows.get(i).candidates().stream().map(Item::key).toList();
      assertThat(ranked.get(i).top()).isEqualTo(keys.subList(0, 10));
      assertThat(ranked.get(i).firstPositiveRank()).isEqualTo(keys.indexOf(keys.get(i)) + 1);
    }
  }

  @Test
  void rowsThatUseOnlyPartOfTheirNumberingFetchOnlyTheirCandidates() {
    for (int k = 0; k < 30; k++) {
      vectors.put("c" + k, gaussian());
    }
    List<QueryRow> read = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      List<Item> candidates = new ArrayList<>();
      for (int j = 0; j < 20; j++) {
        candidates.add(item("c" + ((i * 7 + j) % 30)));
      }
      read.add(row(i, candidates, Map.of(candidates.get(0).key(), 1.0, "absent", 2.0)));
    }
    List<QueryRow> numbered = CandidateNumbering.rows(read);
    // a subset of the rows, in another order, that never names c29: its vector must not be fetched
    List<QueryRow> subset = new ArrayList<>();
    for (int i = numbered.size() - 1; i >= 0; i -= 3) {
      QueryRow row = numbered.get(i);
      if (row.candidates().stream().noneMatch(c -> c.key().equals("c29"))) {
        subset.add(row);
      }
    }
    assertThat(subset).isNotEmpty();
    vectors.remove("c29");
    assertScoredAlike(subset);
  }

  @Test
  void firstRowsOfTheirNumberingRankWithoutTheKeysOnlyLaterRowsUse() {
    for (int k = 0; k < 30; k++) {
      vectors.put("c" + k, gaussian());
    }
    List<QueryRow> read = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      List<Item> candidates = new ArrayList<>();
      for (int j = 0; j < 12; j++) {
        int k = i < 10 ? (i * 3 + j * 5) % 20 : 20 + (i + j) % 10; // c20..c29 only in rows 10..14
        candidates.add(item("c" + k));
      }
      read.add(row(i, candidates, Map.of(candidates.get(0).key(), 1.0, "c25", 2.0)));
    }
    // the first rows, in the numbering's order: their numbers are pool positions [0, 20)
    List<QueryRow> first = CandidateNumbering.rows(read).subList(0, 10);
    for (int k = 20; k < 30; k++) {
      vectors.remove("c" + k); // numbered, labelled relevant (c25), but no row here ranks them
    }
    assertScoredAlike(first);
  }

  /** Scores the rows numbered and by keys, checks both against the definition; the rankings. */
  private List<QueryRanking> assertScoredAlike(List<QueryRow> rows) {
    List<QueryRow> numbered = CandidateNumbering.rows(rows);
    assertThat(CandidateNumbering.sharedBy(numbered)).isNotNull();
    List<QueryRow> plain =
        rows.stream()
            .map(
                r ->
                    new QueryRow(
                        r.row(), r.query(), new ArrayList<>(r.candidates()), r.relevance()))
            .toList();
    assertThat(CandidateNumbering.sharedBy(plain)).isNull();
    EmbeddingLookup lookup =
        key -> {
          float[] v =
              key.equals("q") ? vectors.computeIfAbsent("q", k -> gaussian()) : vectors.get(key);
          if (v == null) {
            throw new IllegalArgumentException("no vector for " + key);
          }
          return v;
        };
    List<QueryRanking> ranked = null;
    for (Similarity similarity : Similarity.values()) {
      RankingTask task = task(numbered);
      DatasetScore byNumbers = TaskScorer.score(task, lookup, similarity);
      assertThat(byNumbers).isEqualTo(TaskScorer.score(task(plain), lookup, similarity));
      ranked =
          new LocalTaskRanker(similarity)
              .rankNumbered(
                  numbered.stream().map(r -> lookup.get("q")).toList(),
                  numbered.stream()
                      .map(r -> (org.mmeb.eval.data.NumberedCandidates) r.candidates())
                      .toList(),
                  CandidateNumbering.sharedBy(numbered),
                  lookup,
                  numbered.stream().map(QueryRow::relevance).toList());
      for (int i = 0; i < numbered.size(); i++) {
        QueryRow row = numbered.get(i);
        List<String> keys = row.candidates().stream().map(Item::key).toList();
        assertThat(ranked.get(i))
            .as("%s row %d", similarity, i)
            .isEqualTo(
                ExhaustiveRanking.of(
                    similarity,
                    lookup.get("q"),
                    keys.stream().map(lookup::get).toList(),
                    keys,
                    row.relevance()));
      }
    }
    return ranked;
  }

  private static RankingTask task(List<QueryRow> rows) {
    return new RankingTask(Tasks.spec("numbered", "hit@1", EvalType.LOCAL), rows, List.of());
  }

  /** Candidate 0 relevant, sometimes a second graded one, sometimes a key no row has. */
  private Map<String, Double> relevance(int i, List<Item> candidates) {
    Map<String, Double> grades = new HashMap<>();
    if (!candidates.isEmpty()) {
      grades.put(candidates.get(0).key(), 1.0);
    }
    if (i % 3 == 0 && candidates.size() > 2) {
      grades.put(candidates.get(candidates.size() - 1).key(), 2.0);
    }
    if (i % 4 == 1) {
      grades.put("not-a-candidate", 1.0); // a positive absent from the candidates
    }
    if (i % 7 == 5) {
      grades.clear(); // no labels at all
    }
    return grades;
  }

  private static QueryRow row(int i, List<Item> candidates, Map<String, Double> relevance) {
    return new QueryRow(i, Item.textOnly("q", "q"), candidates, relevance);
  }

  private static Item item(String key) {
    return Item.textOnly(key, key);
  }

  private float[] gaussian() {
    float[] v = new float[DIMS];
    for (int d = 0; d < DIMS; d++) {
      v[d] = (float) random.nextGaussian();
    }
    return v;
  }
}
