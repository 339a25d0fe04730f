package org.mmeb.eval.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mmeb.eval.Json;
import org.mmeb.eval.SafeFileName;
import org.mmeb.eval.UserError;

/** Reads and writes VLM2Vec's per-dataset {@code {dataset}_score.json}. */
public final class Vlm2VecScoreFile {
  static final String NUM_PRED = "num_pred";
  static final String NUM_DATA = "num_data";

  private Vlm2VecScoreFile() {}

  public static Path path(Path dir, String dataset) {
    return dir.resolve(SafeFileName.of(dataset) + "_score.json");
  }

  public static Vlm2VecScore read(Path file) {
    try {
      return fromJson(Json.RESULT.readTree(Files.readString(file)), file.toString());
    } catch (IOException e) {
      throw new UserError(file + ": cannot read a score file: " + e.getMessage(), e);
    }
  }

  public static void write(Path file, Vlm2VecScore score) throws IOException {
    AtomicFiles.writeString(file, Json.RESULT_WRITER.writeValueAsString(toJson(score)) + "\n");
  }

  static ObjectNode toJson(Vlm2VecScore score) {
    ObjectNode node = Json.RESULT.createObjectNode();
    score.metrics().forEach(node::put);
    node.put(NUM_PRED, score.numPred());
    node.put(NUM_DATA, score.numData());
    return node;
  }

  /**
   * @param where the file (and key path) for error messages
   */
  static Vlm2VecScore fromJson(JsonNode node, String where) {
    requireObject(node, where);
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      requireNumber(key, field.getValue(), where);
      if (!key.equals(NUM_PRED) && !key.equals(NUM_DATA)) {
        metrics.put(key, fraction(field.getValue(), key, where));
      }
    }
    int numPred = count(node, NUM_PRED);
    int numData = count(node, NUM_DATA);
    requireConsistentCounts(numPred, numData, where);
    return new Vlm2VecScore(metrics, numPred, numData);
  }

  private static void requireObject(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new UserError(
          where + ": expected an object of metric values, found " + node.getNodeType());
    }
  }

  private static void requireNumber(String key, JsonNode value, String where) {
    if (!value.isNumber()) {
      throw new UserError(where + ": '" + key + "' should be a number, found " + value);
    }
  }

  /** num_pred or num_data; -1 when absent. */
  private static int count(JsonNode node, String key) {
    return node.has(key) ? node.get(key).intValue() : -1;
  }

  private static void requireConsistentCounts(int numPred, int numData, String where) {
    if (numPred < -1 || numData < -1 || (numData >= 0 && numPred > numData)) {
      throw new UserError(
          where + ": num_pred " + numPred + " and num_data " + numData + " are inconsistent");
    }
  }

  private static double fraction(JsonNode value, String metric, String where) {
    double v = value.doubleValue();
    if (!(v >= 0 && v <= 1)) {
      throw new UserError(
          where + ": '" + metric + "' is " + value + ", expected a fraction in [0, 1]");
    }
    return v;
  }
}
