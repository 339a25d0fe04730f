package org.mmeb.eval.report.imports;

import java.util.List;
import java.util.Map;
import org.mmeb.eval.report.ScoreSource;

/**
 * The VLM2Vec paper's Table 6 (MMEB-V1): per-dataset Precision@1 of its eight baseline columns, in
 * percent, with the aggregates the paper prints for each, and the paper's own list of where those
 * printed aggregates cannot come from its printed per-dataset numbers.
 */
public record PaperTable6(List<ScoreSource> columns, List<String> knownInconsistencies) {
  static final String SOURCE = "VLM2Vec paper (arXiv 2410.05160), Table 6";

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

  public ScoreSource column(String model) {
    return columns.stream()
        .filter(c -> c.name().equals(model))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Table 6 has no column " + model));
  }
}
