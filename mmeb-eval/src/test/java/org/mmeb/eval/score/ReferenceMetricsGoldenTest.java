package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.Json;
import org.mmeb.eval.task.MetricName;

/**
 * Our metrics against VLM2Vec's own {@code RankingMetrics.evaluate}, run on 12 datasets of random
 * rankings (duplicates, missing positives, empty lists, queries without labels, graded qrels) by
 * {@code scripts/reference_metrics_golden.py}: every one of the 24 dataset scores must be equal to
 * the last bit.
 */
class ReferenceMetricsGoldenTest {
  private static final Path GOLDEN =
      Path.of("mmeb-eval/src/test/resources/org/mmeb/eval/score/reference-metrics-golden.json");

  @Test
  void everyDatasetScoreEqualsTheReferenceBitForBit() throws Exception {
    JsonNode root = Json.PLAIN.readTree(GOLDEN.toFile());
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (JsonNode dataset : root.get("datasets")) {
      List<double[]> perQuery = new ArrayList<>();
      for (JsonNode c : dataset.get("cases")) {
        perQuery.add(QueryMetrics.compute(strings(c.get("prediction")), grades(c)));
      }
      for (MetricName name : MetricName.ALL) {
        double[] values = perQuery.stream().mapToDouble(v -> v[name.index()]).toArray();
        double ours = NumpyMean.of(values);
        double reference = dataset.get("scores").get(name.toString()).doubleValue();
        if (Double.compare(ours, reference) != 0) {
          mismatches.add(name + ": ours " + ours + ", reference " + reference);
        }
        compared++;
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(compared).isEqualTo(12 * 24);
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  private static Map<String, Double> grades(JsonNode c) {
    Map<String, Double> grades = new HashMap<>();
    JsonNode labels = c.get("label");
    JsonNode rel = c.get("rel_scores");
    for (int i = 0; i < labels.size(); i++) {
      grades.put(labels.get(i).asText(), rel.isNull() ? 1.0 : rel.get(i).doubleValue());
    }
    return grades;
  }
}
