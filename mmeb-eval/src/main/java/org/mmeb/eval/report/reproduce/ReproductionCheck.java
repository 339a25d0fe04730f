package org.mmeb.eval.report.reproduce;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
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
    if (!run.benchmark().equals(paper.benchmark())) {
      throw new UserError(
          run.name()
              + " is a "
              + run.benchmark()
              + " run; '"
              + paper.name()
              + "' is a "
              + paper.benchmark()
              + " column");
    }
    Map<String, BigDecimal> datasets = new LinkedHashMap<>();
    run.mainScores().forEach((task, x) -> datasets.put(task, PaperRounding.dataset(x)));
    BenchmarkSummary summary = Aggregation.summarize(run.benchmark(), tasks, run.mainScores());
    Map<String, BigDecimal> aggregates = new LinkedHashMap<>();
    for (BenchmarkColumns.Column column : BenchmarkColumns.of(run.benchmark(), tasks)) {
      GroupScore group = column.groupIn(summary);
      if (group != null && !group.partial()) {
        aggregates.put(column.label(), group.display());
      }
    }
    return Reproduction.of(
        paper.name() + " (" + paper.provenance() + ")",
        tolerance,
        datasets,
        paper.printed().datasets(),
        aggregates,
        paper.printed().aggregates());
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
