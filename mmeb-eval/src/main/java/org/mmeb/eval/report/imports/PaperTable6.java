package org.mmeb.eval.report.imports;

import java.util.List;
import java.util.Map;
import org.mmeb.eval.report.PublishedColumn;

/**
 * The VLM2Vec paper's Table 6 (MMEB-V1): per-dataset Precision@1 of its eight baseline columns, in
 * percent, with the aggregates the paper prints for each, and the paper's own list of where those
 * printed aggregates cannot come from its printed per-dataset numbers.
 */
public record PaperTable6(String source, List<Column> columns, List<String> knownInconsistencies) {

  /** The V1 view's aggregate columns under the names the paper's table uses. */
  public static final Map<String, String> AGGREGATE_NAMES =
      Map.of(
          "Classification", "CLS",
          "VQA", "VQA",
          "Retrieval", "RET",
          "Grounding", "GD",
          "IND", "IND",
          "OOD", "OOD",
          "Overall", "Overall");

  public PaperTable6 {
    columns = List.copyOf(columns);
    knownInconsistencies = List.copyOf(knownInconsistencies);
  }

  /**
   * One model's column: {@code datasets} maps dataset name to its score; {@code reported} maps a V1
   * view column (CLS, VQA, RET, GD, IND, OOD, Overall) to the aggregate the paper prints.
   */
  public record Column(String model, Map<String, Double> datasets, Map<String, Double> reported) {
    public Column {
      datasets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(datasets));
      reported = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reported));
    }
  }

  /** Each column as printed, for reproduction checks and the leaderboard. */
  public List<PublishedColumn> published() {
    return columns.stream()
        .map(
            c ->
                new PublishedColumn(
                    c.model(), "mmeb-v1", source, decimals(c.datasets()), decimals(c.reported())))
        .toList();
  }

  private static Map<String, java.math.BigDecimal> decimals(Map<String, Double> values) {
    Map<String, java.math.BigDecimal> decimals = new java.util.LinkedHashMap<>();
    values.forEach((k, v) -> decimals.put(k, java.math.BigDecimal.valueOf(v)));
    return decimals;
  }

  public Column column(String model) {
    return columns.stream()
        .filter(c -> c.model().equals(model))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Table 6 has no column " + model));
  }
}
