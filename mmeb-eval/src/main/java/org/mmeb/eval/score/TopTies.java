package org.mmeb.eval.score;

import java.util.List;
import java.util.Map;
import org.mmeb.eval.data.QueryRow;

/**
 * How many queries were hits only by the tie rule: the best positive ranked first with exactly the
 * score of the best non-positive behind it. {@link Ranking}'s rule (the reference's: a tie with the
 * positive is a hit) stays the rule for the score; this count shows when it, not the model, decided
 * the hits (every vector constant gives 100.0 on every local task).
 */
final class TopTies {
  private TopTies() {}

  static int count(
      List<QueryRow> rows,
      List<QueryRanking> rankings,
      EmbeddingLookup queries,
      EmbeddingLookup candidates,
      Similarity similarity) {
    int tied = 0;
    for (int i = 0; i < rows.size(); i++) {
      QueryRanking ranking = rankings.get(i);
      if (ranking.firstPositiveRank() != 1) {
        continue;
      }
      Map<String, Double> relevance = rows.get(i).relevance();
      String rival =
          ranking.top().stream()
              .filter(key -> !relevance.containsKey(key))
              .findFirst()
              .orElse(null);
      if (rival == null) {
        continue;
      }
      float[] query = queries.get(rows.get(i).query().key());
      double weight = similarity.weight(query);
      if (score(similarity, query, weight, candidates.get(ranking.top().get(0)))
          == score(similarity, query, weight, candidates.get(rival))) {
        tied++;
      }
    }
    return tied;
  }

  private static double score(Similarity similarity, float[] query, double weight, float[] c) {
    return similarity.score(query, weight, c, similarity.weight(c));
  }
}
