package org.mmeb.eval.report.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.UserError;
import org.mmeb.eval.report.BenchmarkColumns;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.report.ScoreSource.Printed;

/**
 * Reads {@code mmeb-v2-paper-table5.json} (MMEB-V2 paper, Appendix Table 5): per model its printed
 * per-dataset cells and aggregate columns; {@code columns} maps each aggregate column to the scorer
 * group (kind, group) it is, which names it in the V2 view.
 */
public final class PaperTable5Reader {
  static final String SOURCE = "VLM2Vec-V2 paper (arXiv 2507.04590), Table 5";

  private PaperTable5Reader() {}

  public static List<ScoreSource> read(Path file) {
    JsonNode root = ReferenceJson.read(file);
    Map<String, String> labels = labels(file, root.path("columns"));
    List<ScoreSource> columns = new ArrayList<>();
    for (Map.Entry<String, JsonNode> model : root.path("models").properties()) {
      columns.add(column(file + ": models." + model.getKey(), model, labels));
    }
    if (columns.isEmpty()) {
      throw new UserError(file + ": no models (expected an object under \"models\")");
    }
    return columns;
  }

  private static ScoreSource column(
      String where, Map.Entry<String, JsonNode> model, Map<String, String> labels) {
    Map<String, BigDecimal> datasets =
        cells(where + ".datasets", model.getValue().path("datasets"));
    Map<String, BigDecimal> aggregates = new LinkedHashMap<>();
    cells(where + ".aggregates", model.getValue().path("aggregates"))
        .forEach((column, value) -> aggregates.put(label(where, labels, column), value));
    return ScoreSource.published(
        model.getKey(), BenchmarkColumns.V2, SOURCE, new Printed(datasets, aggregates));
  }

  /** Paper column name (e.g. "V-MR", "Image(36)") → V2 view label ("V-MRET", "Image"). */
  private static Map<String, String> labels(Path file, JsonNode columns) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> column : columns.properties()) {
      String kind = column.getValue().path("kind").asText();
      String group = column.getValue().path("group").asText();
      BenchmarkColumns.of(BenchmarkColumns.V2, List.of()).stream()
          .filter(c -> c.kind().equals(kind) && c.group().equals(group))
          .findFirst()
          .ifPresent(c -> labels.put(column.getKey(), c.label()));
    }
    return labels;
  }

  private static String label(String where, Map<String, String> labels, String column) {
    String label = labels.get(column);
    if (label == null) {
      throw new UserError(where + ".aggregates: column '" + column + "' is not a V2 view column");
    }
    return label;
  }

  private static Map<String, BigDecimal> cells(String where, JsonNode node) {
    if (!node.isObject()) {
      throw new UserError(where + ": expected an object of printed scores");
    }
    Map<String, BigDecimal> cells = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> cell : node.properties()) {
      if (!cell.getValue().isNumber()) {
        throw new UserError(
            where + "." + cell.getKey() + ": expected a number, found " + cell.getValue());
      }
      cells.put(cell.getKey(), cell.getValue().decimalValue());
    }
    return cells;
  }
}
