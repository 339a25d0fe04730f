package org.mmeb.eval.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What comparing a run needs from it: each dataset's main score (a fraction) and, where kept, each
 * query's main-metric value with the query's source row (the key two runs are paired on).
 */
public record RunScores(
    String name,
    String benchmark,
    Map<String, Double> mainScores,
    Map<String, QueryValues> outcomes) {

  public RunScores {
    mainScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mainScores));
    outcomes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
  }

  /** Per-query main-metric values by source row. */
  public record QueryValues(int[] rows, double[] values) {
    public QueryValues {
      if (rows.length != values.length) {
        throw new IllegalArgumentException(
            rows.length + " query rows but " + values.length + " query values");
      }
      rows = rows.clone();
      values = values.clone();
    }

    /** row → value; a row listed twice is an error (it could not be paired). */
    public Map<Integer, Double> byRow(String where) {
      Map<Integer, Double> byRow = new java.util.HashMap<>();
      for (int i = 0; i < rows.length; i++) {
        if (byRow.put(rows[i], values[i]) != null) {
          throw new org.mmeb.eval.UserError(where + ": query row " + rows[i] + " appears twice");
        }
      }
      return byRow;
    }
  }
}
