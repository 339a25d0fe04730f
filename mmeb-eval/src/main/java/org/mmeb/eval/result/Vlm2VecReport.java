package org.mmeb.eval.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.task.TaskSpec;

/**
 * VLM2Vec's all-scores report ({@code experiments/report_score_v2.py}): free-form metadata and, per
 * modality ({@code image}, {@code video}, {@code visdoc}), each dataset's score dict. The reference
 * writes a status string instead of a dict for a dataset it could not read ({@code "FILE_N/A"},
 * {@code "DIR_N/A"}, ...); those are kept in {@code missing}, never read as a score.
 */
public record Vlm2VecReport(
    Map<String, Object> metadata,
    Map<String, Map<String, Vlm2VecScore>> metrics,
    Map<String, Map<String, String>> missing) {
  public Vlm2VecReport {
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
  }

  /**
   * Each task's main metric ({@code TaskSpec.mainMetric}) from its modality's section; tasks the
   * report lacks (or whose dict lacks the metric) are left out, so aggregation sees them as
   * missing.
   */
  public Map<String, Double> mainScores(List<TaskSpec> tasks) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (TaskSpec task : tasks) {
      Vlm2VecScore score = metrics.getOrDefault(task.modality().label(), Map.of()).get(task.name());
      Double value = score == null ? null : score.metric(task.mainMetric().toString());
      if (value != null) {
        scores.put(task.name(), value);
      }
    }
    return scores;
  }
}
