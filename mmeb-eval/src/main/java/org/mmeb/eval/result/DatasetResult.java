package org.mmeb.eval.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mmeb.eval.score.ConfidenceInterval;

/**
 * One dataset of a run: its task, main score (fraction, unrounded) and the paper's display of it, a
 * bootstrap interval, all 24 metrics, what it cost, and each query's outcome.
 */
public record DatasetResult(
    String task,
    String modality,
    String metaTask,
    String split,
    String mainMetric,
    double mainScore,
    String display,
    ConfidenceInterval ci,
    int queries,
    Map<String, Double> metrics,
    StageTimings timings,
    RunCounts counts,
    Integer tiedAtTop,
    Outcomes outcomes) {
  public DatasetResult {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /**
   * Per-query outcomes as parallel arrays (compact in JSON): source row, 1-based rank of the first
   * positive (0 no label, -1 not among the candidates) and the main metric's value.
   */
  public record Outcomes(int[] row, int[] firstPositiveRank, double[] mainValue) {}
}
