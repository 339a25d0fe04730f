package org.mmeb.eval.score;

import java.util.List;
import java.util.Map;
import org.mmeb.eval.task.MetricName;

/**
 * One task's score: every metric of {@link MetricName#ALL} as a fraction in [0, 1], unrounded (keys
 * spelled {@code hit@1}, ...), the main metric and its value, the number of queries and each
 * query's outcome, and how many hits the tie rule decided ({@link TopTies}). A task without queries
 * has NaN metrics, never a made-up 0.
 */
public record DatasetScore(
    String task,
    String mainMetric,
    double mainScore,
    int queries,
    Map<String, Double> metrics,
    List<QueryOutcome> outcomes,
    int tiedAtTop) {
  public DatasetScore {
    metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    outcomes = List.copyOf(outcomes);
  }

  public DatasetScore withTiedAtTop(int tied) {
    return new DatasetScore(task, mainMetric, mainScore, queries, metrics, outcomes, tied);
  }

  /** Queries whose best positive ranked first (hit@1). */
  public int hitsAtOne() {
    return (int) outcomes.stream().filter(o -> o.firstPositiveRank() == 1).count();
  }

  /** Per-query values of the main metric, in row order (the input of the bootstrap). */
  public double[] mainValues() {
    return outcomes.stream().mapToDouble(QueryOutcome::mainValue).toArray();
  }
}
