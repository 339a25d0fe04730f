package org.mmeb.eval.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;

/** Reads and writes the all-scores report {"metadata", "metrics": {modality: {dataset: dict}}}. */
public final class Vlm2VecReportFile {
  private Vlm2VecReportFile() {}

  public static Vlm2VecReport read(Path file) {
    JsonNode root;
    try {
      root = Json.RESULT.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UserError(file + ": cannot read a VLM2Vec report: " + e.getMessage(), e);
    }
    JsonNode metricsNode = root.path("metrics");
    if (!root.isObject() || !metricsNode.isObject()) {
      throw new UserError(file + ": not a VLM2Vec report (expected {\"metadata\", \"metrics\"})");
    }
    Map<String, Object> metadata =
        Json.RESULT.convertValue(
            root.path("metadata").isObject()
                ? root.get("metadata")
                : Json.RESULT.createObjectNode(),
            new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
    Map<String, Map<String, Vlm2VecScore>> metrics = new LinkedHashMap<>();
    Map<String, Map<String, String>> missing = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> modality : metricsNode.properties()) {
      Map<String, Vlm2VecScore> scores = new LinkedHashMap<>();
      Map<String, String> absent = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> dataset : modality.getValue().properties()) {
        String where = file + ": metrics." + modality.getKey() + "." + dataset.getKey();
        if (dataset.getValue().isTextual()) {
          absent.put(dataset.getKey(), dataset.getValue().textValue());
        } else {
          scores.put(dataset.getKey(), Vlm2VecScoreFile.fromJson(dataset.getValue(), where));
        }
      }
      metrics.put(modality.getKey(), scores);
      missing.put(modality.getKey(), absent);
    }
    return new Vlm2VecReport(metadata, metrics, missing);
  }

  public static void write(Path file, Vlm2VecReport report) throws IOException {
    ObjectNode root = Json.RESULT.createObjectNode();
    root.set("metadata", Json.RESULT.valueToTree(report.metadata()));
    ObjectNode metrics = root.putObject("metrics");
    report
        .metrics()
        .forEach(
            (modality, datasets) -> {
              ObjectNode node = metrics.putObject(modality);
              datasets.forEach((name, score) -> node.set(name, Vlm2VecScoreFile.toJson(score)));
              report.missing().getOrDefault(modality, Map.of()).forEach(node::put);
            });
    AtomicFiles.writeString(file, Json.RESULT_WRITER.writeValueAsString(root) + "\n");
  }
}
