package org.mmeb.eval.report;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.UserError;
import org.mmeb.eval.score.Aggregation;
import org.mmeb.eval.task.TaskSpec;

/**
 * A named source of per-dataset scores on one benchmark, with its provenance: a run under results/,
 * an imported VLM2Vec score file, or a paper's column. Every report job (leaderboard, compare and
 * check, reproduce) reads its inputs as these.
 *
 * @param name the model (a run's model name, a paper's column name)
 * @param provenance where the scores come from, shown beside them (a run's file, a paper's table)
 * @param mainScores task name → main score as a fraction in [0, 1]
 * @param printed the cells a paper prints; {@link Printed#NONE} for everything that is not a paper
 * @param outcomes task name → per-query main-metric values; only a run keeps them (paired tests)
 */
public record ScoreSource(
    String name,
    String benchmark,
    String provenance,
    Map<String, Double> mainScores,
    Printed printed,
    Map<String, QueryValues> outcomes) {

  public ScoreSource {
    mainScores = Collections.unmodifiableMap(new LinkedHashMap<>(mainScores));
    outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
  }

  /**
   * The main scores, checked against the benchmark's {@code tasks}: a score for any other task (an
   * edited run.json, a task since renamed) is one line naming the source.
   */
  public Map<String, Double> mainScoresOf(List<TaskSpec> tasks) {
    Aggregation.unknownTask(tasks, mainScores)
        .ifPresent(
            task -> {
              throw new UserError(
                  provenance + ": a score for '" + task + "', which is not a task of " + benchmark);
            });
    return mainScores;
  }

  /**
   * The same scores without the per-query outcomes: what a job that never pairs queries keeps, so
   * that many runs' outcomes are not all in memory at once.
   */
  public ScoreSource withoutOutcomes() {
    return outcomes.isEmpty()
        ? this
        : new ScoreSource(name, benchmark, provenance, mainScores, printed, Map.of());
  }

  /** Scores computed elsewhere, without per-query outcomes (an imported score file). */
  public static ScoreSource measured(
      String name, String benchmark, String provenance, Map<String, Double> mainScores) {
    return new ScoreSource(name, benchmark, provenance, mainScores, Printed.NONE, Map.of());
  }

  /** A paper's column: its main scores are its printed per-dataset cells, exact to the decimal. */
  public static ScoreSource published(
      String name, String benchmark, String provenance, Printed printed) {
    Map<String, Double> fractions = new LinkedHashMap<>();
    printed
        .datasets()
        .forEach((task, percent) -> fractions.put(task, percent.movePointLeft(2).doubleValue()));
    return new ScoreSource(name, benchmark, provenance, fractions, printed, Map.of());
  }

  /**
   * A paper's cells as printed (percent): per dataset, and per aggregate keyed by the view's column
   * labels (CLS ... Overall for V1, I-CLS ... All for V2).
   */
  public record Printed(Map<String, BigDecimal> datasets, Map<String, BigDecimal> aggregates) {
    public static final Printed NONE = new Printed(Map.of(), Map.of());

    public Printed {
      datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
      aggregates = Collections.unmodifiableMap(new LinkedHashMap<>(aggregates));
    }
  }

  /** One task's per-query main-metric values by source row (the key two runs are paired on). */
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
      Map<Integer, Double> byRow = new HashMap<>();
      for (int i = 0; i < rows.length; i++) {
        if (byRow.put(rows[i], values[i]) != null) {
          throw new UserError(where + ": query row " + rows[i] + " appears twice");
        }
      }
      return byRow;
    }
  }
}
