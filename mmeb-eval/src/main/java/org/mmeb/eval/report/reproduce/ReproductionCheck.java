package org.mmeb.eval.report.reproduce;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mmeb.eval.UserError;
import org.mmeb.eval.report.BenchmarkColumns;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.score.Aggregation;
import org.mmeb.eval.score.BenchmarkSummary;
import org.mmeb.eval.score.GroupScore;
import org.mmeb.eval.score.PaperRounding;
import org.mmeb.eval.task.TaskSpec;

/**
 * Puts a run next to a published column: the run's cells are rounded and aggregated by the scorer
 * exactly as the paper prints them, so a delta of 0.0 means the same printed number. Only complete
 * groups are compared: a partial mean is not the paper's number.
 */
public final class ReproductionCheck {
  private ReproductionCheck() {}

  public static Reproduction of(
      ScoreSource run, ScoreSource paper, List<TaskSpec> tasks, BigDecimal tolerance) {
    requireSameBenchmark(run, paper);
    return Reproduction.of(
        paper.name() + " (" + paper.provenance() + ")",
        tolerance,
        printedDatasets(run),
        paper.printed().datasets(),
        completeAggregates(run, tasks),
        paper.printed().aggregates());
  }

  private static void requireSameBenchmark(ScoreSource run, ScoreSource paper) {
    if (!run.benchmark().equals(paper.benchmark())) {
      throw new UserError(
          String.format(
              Locale.ROOT,
              "%s is a %s run; '%s' is a %s column",
              run.name(),
              run.benchmark(),
              paper.name(),
              paper.benchmark()));
    }
  }

  /** The run's per-dataset scores as the paper would print them. */
  private static Map<String, BigDecimal> printedDatasets(ScoreSource run) {
    Map<String, BigDecimal> datasets = new LinkedHashMap<>();
    run.mainScores().forEach((task, x) -> datasets.put(task, PaperRounding.dataset(x)));
    return datasets;
  }

  /** The run's aggregates as printed, complete groups only: a partial mean is not the paper's. */
  private static Map<String, BigDecimal> completeAggregates(ScoreSource run, List<TaskSpec> tasks) {
    BenchmarkSummary summary =
        Aggregation.summarize(run.benchmark(), tasks, run.mainScoresOf(tasks));
    Map<String, BigDecimal> aggregates = new LinkedHashMap<>();
    for (BenchmarkColumns.Column column : BenchmarkColumns.of(run.benchmark(), tasks)) {
      GroupScore group = column.groupIn(summary);
      if (group != null && !group.partial()) {
        aggregates.put(column.label(), group.display());
      }
    }
    return aggregates;
  }

  /** The column named {@code name} (case-insensitive); an unknown name lists the known ones. */
  public static ScoreSource find(List<ScoreSource> columns, String name) {
    return columns.stream()
        .filter(c -> c.name().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(
            () ->
                new UserError(
                    "no published column '"
                        + name
                        + "'; known: "
                        + String.join(", ", columns.stream().map(ScoreSource::name).toList())));
  }
}
