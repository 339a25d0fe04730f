package org.mmeb.eval.report.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.UserError;
import org.mmeb.eval.report.BenchmarkColumns;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.report.ScoreSource.Printed;

/**
 * Reads {@code mmeb-v1-paper-table6.json}: every top-level key but {@code _meta} is a model column
 * of dataset → score; {@code _meta.reported_aggregates_table6} holds the printed aggregates and
 * {@code _meta.known_inconsistencies_in_paper} the paper's typos. A missing or out-of-range number
 * is an error naming the file, column and dataset.
 */
public final class PaperTable6Reader {
  private PaperTable6Reader() {}

  public static PaperTable6 read(Path file) {
    JsonNode root = ReferenceJson.read(file);
    JsonNode meta = root.path("_meta");
    List<ScoreSource> columns = columns(file, root, meta.path("reported_aggregates_table6"));
    List<String> inconsistencies = new ArrayList<>();
    meta.path("known_inconsistencies_in_paper").forEach(n -> inconsistencies.add(n.asText()));
    return new PaperTable6(columns, inconsistencies);
  }

  private static List<ScoreSource> columns(Path file, JsonNode root, JsonNode reported) {
    List<ScoreSource> columns = new ArrayList<>();
    for (Iterator<String> models = root.fieldNames(); models.hasNext(); ) {
      String model = models.next();
      if (!model.equals("_meta")) {
        columns.add(column(file, model, root.get(model), reported.path(model)));
      }
    }
    if (columns.isEmpty()) {
      throw new UserError(file + ": no model columns (expected keys beside _meta)");
    }
    return columns;
  }

  private static ScoreSource column(Path file, String model, JsonNode scores, JsonNode reported) {
    Map<String, BigDecimal> datasets = datasets(file, model, scores);
    if (reported.isMissingNode()) {
      throw new UserError(
          file + ": column '" + model + "' has no entry in _meta.reported_aggregates_table6");
    }
    return ScoreSource.published(
        model,
        BenchmarkColumns.V1,
        PaperTable6.SOURCE,
        new Printed(datasets, aggregates(file, model, reported)));
  }

  /** The printed per-dataset cells, in the file's order. */
  private static Map<String, BigDecimal> datasets(Path file, String model, JsonNode scores) {
    Map<String, BigDecimal> datasets = new LinkedHashMap<>();
    scores
        .fields()
        .forEachRemaining(
            e -> datasets.put(e.getKey(), percent(file, model, e.getKey(), e.getValue())));
    return datasets;
  }

  /** The printed aggregates under the V1 view's column names. */
  private static Map<String, BigDecimal> aggregates(Path file, String model, JsonNode reported) {
    Map<String, BigDecimal> aggregates = new LinkedHashMap<>();
    for (String paperName :
        List.of("Classification", "VQA", "Retrieval", "Grounding", "IND", "OOD", "Overall")) {
      aggregates.put(
          PaperTable6.AGGREGATE_NAMES.get(paperName),
          percent(file, model, paperName, reported.path(paperName)));
    }
    return aggregates;
  }

  private static BigDecimal percent(Path file, String model, String key, JsonNode value) {
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 100) {
      throw new UserError(
          file
              + ": column '"
              + model
              + "', "
              + key
              + ": expected a percentage in [0, 100], found "
              + (value.isMissingNode() ? "nothing" : value.toString()));
    }
    return BigDecimal.valueOf(value.asDouble());
  }
}
