package org.mmeb.eval.result;

import com.fasterxml.jackson.core.type.TypeReference;
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
    JsonNode root = readRoot(file);
    Map<String, Object> metadata = metadata(root);
    Map<String, Map<String, Vlm2VecScore>> metrics = new LinkedHashMap<>();
    Map<String, Map<String, String>> missing = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> modality : root.path("metrics").properties()) {
      String where = file + ": metrics." + modality.getKey();
      metrics.put(modality.getKey(), scores(where, modality.getValue()));
      missing.put(modality.getKey(), absent(modality.getValue()));
    }
    return new Vlm2VecReport(metadata, metrics, missing);
  }

  private static Map<String, Object> metadata(JsonNode root) {
    return Json.RESULT.convertValue(
        root.path("metadata").isObject() ? root.get("metadata") : Json.RESULT.createObjectNode(),
        new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  private static JsonNode readRoot(Path file) {
    JsonNode root;
    try {
      root = Json.RESULT.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UserError(file + ": cannot read a VLM2Vec report: " + e.getMessage(), e);
    }
    if (!root.isObject() || !root.path("metrics").isObject()) {
      throw new UserError(file + ": not a VLM2Vec report (expected {\"metadata\", \"metrics\"})");
    }
    return root;
  }

  /** A modality's score dictionaries; {@code where} names the file and modality in errors. */
  private static Map<String, Vlm2VecScore> scores(String where, JsonNode modality) {
    Map<String, Vlm2VecScore> scores = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> dataset : modality.properties()) {
      if (!dataset.getValue().isTextual()) {
        scores.put(
            dataset.getKey(),
            Vlm2VecScoreFile.fromJson(dataset.getValue(), where + "." + dataset.getKey()));
      }
    }
    return scores;
  }

  /** A modality's datasets written as a string (the reason they have no scores). */
  private static Map<String, String> absent(JsonNode modality) {
    Map<String, String> absent = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> dataset : modality.properties()) {
      if (dataset.getValue().isTextual()) {
        absent.put(dataset.getKey(), dataset.getValue().textValue());
      }
    }
    return absent;
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
