package org.mmeb.eval.report.leaderboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmeb.eval.report.BenchmarkColumns;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.score.Aggregation;
import org.mmeb.eval.score.BenchmarkSummary;
import org.mmeb.eval.score.GroupScore;
import org.mmeb.eval.score.PaperRounding;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/**
 * Turns score sources into the leaderboard: the scorer aggregates and rounds each source as the
 * papers do; a paper's column shows the aggregates the paper prints, with a note wherever its own
 * per-dataset numbers give a different mean. A partial group is shown with a note saying how many
 * of its datasets are present.
 */
public final class LeaderboardBuilder {
  private final TaskRegistry registry;

  public LeaderboardBuilder(TaskRegistry registry) {
    this.registry = registry;
  }

  public Leaderboard build(List<ScoreSource> sources) {
    Map<String, List<ScoreSource>> byBenchmark = new LinkedHashMap<>();
    for (String benchmark : List.of(BenchmarkColumns.V1, BenchmarkColumns.V2)) {
      byBenchmark.put(benchmark, new ArrayList<>());
    }
    sources.forEach(s -> byBenchmark.computeIfAbsent(s.benchmark(), b -> new ArrayList<>()).add(s));
    List<LeaderboardView> views = new ArrayList<>();
    byBenchmark.forEach(
        (benchmark, members) -> {
          if (!members.isEmpty()) {
            views.add(view(benchmark, members));
          }
        });
    return new Leaderboard(views);
  }

  private LeaderboardView view(String benchmark, List<ScoreSource> sources) {
    List<TaskSpec> tasks = registry.benchmark(benchmark);
    List<BenchmarkColumns.Column> columns = BenchmarkColumns.of(benchmark, tasks);
    List<LeaderboardRow> rows = new ArrayList<>();
    sources.forEach(s -> rows.add(row(s, tasks, columns)));
    String headline = columns.get(columns.size() - 1).label();
    rows.sort(
        Comparator.comparing((LeaderboardRow r) -> r.partial(headline))
            .thenComparingDouble(r -> headlineKey(r.score(headline)))
            .thenComparing(r -> r.source().name())
            .thenComparing(r -> r.source().provenance()));
    return new LeaderboardView(
        benchmark,
        BenchmarkColumns.title(benchmark),
        columns.stream().map(BenchmarkColumns.Column::label).toList(),
        columns.stream()
            .filter(BenchmarkColumns.Column::metaTask)
            .map(BenchmarkColumns.Column::label)
            .toList(),
        rows);
  }

  /**
   * Best first; a row without a headline score last. Rows whose headline is a partial mean come
   * after every complete row, whatever their score: a run of 4 datasets must not outrank a full
   * one.
   */
  private static double headlineKey(double score) {
    return Double.isNaN(score) ? Double.POSITIVE_INFINITY : -score;
  }

  LeaderboardRow row(
      ScoreSource source, List<TaskSpec> tasks, List<BenchmarkColumns.Column> columns) {
    BenchmarkSummary summary =
        Aggregation.summarize(source.benchmark(), tasks, source.mainScores());
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, String> notes = new LinkedHashMap<>();
    Set<String> partial = new HashSet<>();
    for (BenchmarkColumns.Column column : columns) {
      GroupScore group = column.groupIn(summary);
      BigDecimal computed = group == null ? null : group.display();
      BigDecimal printed = source.printed().aggregates().get(column.label());
      if (printed != null) {
        scores.put(column.label(), printed.doubleValue());
        if (computed != null && computed.compareTo(printed) != 0) {
          notes.put(column.label(), printedDiffers(printed, computed, group));
        }
      } else if (computed != null) {
        scores.put(column.label(), computed.doubleValue());
        if (group.partial()) {
          partial.add(column.label());
          notes.put(
              column.label(),
              "partial: " + group.present() + " of " + group.expected() + " datasets");
        }
      }
    }
    List<LeaderboardRow.DatasetScoreCell> datasets = new ArrayList<>();
    for (TaskSpec task : tasks) {
      Double x = source.mainScores().get(task.name());
      if (x != null) {
        datasets.add(
            new LeaderboardRow.DatasetScoreCell(
                task.name(), task.metaTask().label(), PaperRounding.dataset(x).doubleValue()));
      }
    }
    return new LeaderboardRow(
        source, scores, notes, summary.overall().present(), tasks.size(), datasets, partial);
  }

  static String printedDiffers(BigDecimal printed, BigDecimal computed, GroupScore group) {
    return "the paper prints "
        + printed.toPlainString()
        + "; the mean of its "
        + group.present()
        + " per-dataset scores is "
        + computed.toPlainString();
  }
}
