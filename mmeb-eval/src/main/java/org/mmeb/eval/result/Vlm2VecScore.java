package org.mmeb.eval.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mmeb.eval.score.DatasetScore;

/**
 * One dataset's scores in VLM2Vec's {@code {dataset}_score.json} shape: the metric keys ({@code
 * hit@1} ... {@code mrr@10}, fractions) plus {@code num_pred} and {@code num_data}.
 */
public record Vlm2VecScore(Map<String, Double> metrics, int numPred, int numData) {
  public Vlm2VecScore {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  public static Vlm2VecScore of(DatasetScore score) {
    return new Vlm2VecScore(score.metrics(), score.queries(), score.queries());
  }

  /** The metric's value, or null when the file does not have it. */
  public Double metric(String name) {
    return metrics.get(name);
  }
}
