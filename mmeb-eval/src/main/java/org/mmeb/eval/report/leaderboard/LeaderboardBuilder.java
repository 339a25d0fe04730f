package org.mmeb.eval.report.leaderboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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
    rows.sort(ranking(columns.get(columns.size() - 1).label()));
    return new LeaderboardView(
        benchmark,
        BenchmarkColumns.title(benchmark),
        labels(columns, c -> true),
        labels(columns, BenchmarkColumns.Column::metaTask),
        rows);
  }

  private static List<String> labels(
      List<BenchmarkColumns.Column> columns, Predicate<BenchmarkColumns.Column> which) {
    return columns.stream().filter(which).map(BenchmarkColumns.Column::label).toList();
  }

  /**
   * Best headline first; a row without a headline score last. Rows whose headline is a partial mean
   * come after every complete row, whatever their score: a run of 4 datasets must not outrank a
   * full one.
   */
  private static Comparator<LeaderboardRow> ranking(String headline) {
    return Comparator.comparing((LeaderboardRow r) -> r.partial(headline))
        .thenComparingDouble(r -> headlineKey(r.score(headline)))
        .thenComparing(r -> r.source().name())
        .thenComparing(r -> r.source().provenance());
  }

  private static double headlineKey(double score) {
    return Double.isNaN(score) ? Double.POSITIVE_INFINITY : -score;
  }

  LeaderboardRow row(
      ScoreSource source, List<TaskSpec> tasks, List<BenchmarkColumns.Column> columns) {
    BenchmarkSummary summary =
        Aggregation.summarize(source.benchmark(), tasks, source.mainScoresOf(tasks));
    AggregateCells cells = new AggregateCells(source, summary, columns);
    return new LeaderboardRow(
        source,
        cells.scores,
        cells.notes,
        summary.overall().present(),
        tasks.size(),
        datasetCells(source, tasks),
        cells.partial);
  }

  /**
   * A row's aggregate cells: what the paper prints where it prints one (noted where its own
   * per-dataset numbers give another mean), else the computed mean (noted when partial).
   */
  private static final class AggregateCells {
    final Map<String, Double> scores = new LinkedHashMap<>();
    final Map<String, String> notes = new LinkedHashMap<>();
    final Set<String> partial = new HashSet<>();

    AggregateCells(
        ScoreSource source, BenchmarkSummary summary, List<BenchmarkColumns.Column> columns) {
      for (BenchmarkColumns.Column column : columns) {
        String label = column.label();
        add(label, column.groupIn(summary), source.printed().aggregates().get(label));
      }
    }

    private void add(String label, GroupScore group, BigDecimal printed) {
      BigDecimal computed = group == null ? null : group.display();
      if (printed != null) {
        addPrinted(label, printed, computed, group);
      } else if (computed != null) {
        addComputed(label, computed, group);
      }
    }

    private void addPrinted(
        String label, BigDecimal printed, BigDecimal computed, GroupScore group) {
      scores.put(label, printed.doubleValue());
      if (computed != null && computed.compareTo(printed) != 0) {
        notes.put(label, printedDiffers(printed, computed, group));
      }
    }

    private void addComputed(String label, BigDecimal computed, GroupScore group) {
      scores.put(label, computed.doubleValue());
      if (group.partial()) {
        partial.add(label);
        notes.put(label, "partial: " + group.present() + " of " + group.expected() + " datasets");
      }
    }
  }

  private static List<LeaderboardRow.DatasetScoreCell> datasetCells(
      ScoreSource source, List<TaskSpec> tasks) {
    List<LeaderboardRow.DatasetScoreCell> cells = new ArrayList<>();
    for (TaskSpec task : tasks) {
      Double x = source.mainScores().get(task.name());
      if (x != null) {
        cells.add(
            new LeaderboardRow.DatasetScoreCell(
                task.name(), task.metaTask().label(), PaperRounding.dataset(x).doubleValue()));
      }
    }
    return cells;
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
