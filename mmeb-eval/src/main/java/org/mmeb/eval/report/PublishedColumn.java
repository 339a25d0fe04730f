package org.mmeb.eval.report;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model's column of a paper's table, cell by cell as printed: per dataset and per aggregate
 * (keyed by the view's column labels: CLS ... Overall for V1, I-CLS ... All for V2).
 */
public record PublishedColumn(
    String name,
    String benchmark,
    String source,
    Map<String, BigDecimal> datasets,
    Map<String, BigDecimal> aggregates) {
  public PublishedColumn {
    datasets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    aggregates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(aggregates));
  }

  /** The column's per-dataset scores as fractions, exact to the printed decimal. */
  public Map<String, Double> fractions() {
    Map<String, Double> fractions = new LinkedHashMap<>();
    datasets.forEach(
        (name, percent) -> fractions.put(name, percent.movePointLeft(2).doubleValue()));
    return fractions;
  }
}
