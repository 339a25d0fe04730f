package org.mmeb.eval.report;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's main scores on one benchmark from one source, before aggregation: a run under results/,
 * an imported VLM2Vec score file, or a paper's column. {@code printed} holds the aggregates a paper
 * prints (by view column), which the leaderboard shows as printed; it is empty for everything that
 * is not a paper.
 *
 * @param mainScores task name → main score as a fraction in [0, 1]
 */
public record ScoreSource(
    String model,
    String benchmark,
    String source,
    Map<String, Double> mainScores,
    Map<String, BigDecimal> printed) {

  public ScoreSource {
    mainScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mainScores));
    printed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(printed));
  }

  public static ScoreSource measured(
      String model, String benchmark, String source, Map<String, Double> mainScores) {
    return new ScoreSource(model, benchmark, source, mainScores, Map.of());
  }
}
