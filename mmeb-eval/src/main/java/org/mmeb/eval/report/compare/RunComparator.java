package org.mmeb.eval.report.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mmeb.eval.UserError;
import org.mmeb.eval.report.BenchmarkColumns;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.score.Aggregation;
import org.mmeb.eval.score.BenchmarkSummary;
import org.mmeb.eval.score.GroupScore;
import org.mmeb.eval.score.PairedOutcomes;
import org.mmeb.eval.score.PairedPermutationTest;
import org.mmeb.eval.task.TaskSpec;

/**
 * Compares two runs of one benchmark: each dataset's delta with its paired permutation p-value,
 * then every view aggregate (headline first) computed by the scorer over the datasets both runs
 * have, with a p-value over the same datasets. Queries are paired by their source row.
 */
public final class RunComparator {
  private final int rounds;
  private final long seed;

  public RunComparator(int rounds, long seed) {
    this.rounds = rounds;
    this.seed = seed;
  }

  public String method() {
    return "paired permutation test, " + rounds + " rounds, seed " + seed;
  }

  public RunComparison compare(List<TaskSpec> tasks, ScoreSource baseline, ScoreSource candidate) {
    if (!baseline.benchmark().equals(candidate.benchmark())) {
      throw new UserError(
          "cannot compare "
              + baseline.benchmark()
              + " with "
              + candidate.benchmark()
              + " ("
              + baseline.name()
              + " vs "
              + candidate.name()
              + ")");
    }
    Map<String, PairedOutcomes> paired = new LinkedHashMap<>();
    List<ScoreDelta> datasets = new ArrayList<>();
    for (TaskSpec task : tasks) {
      Double a = baseline.mainScores().get(task.name());
      Double b = candidate.mainScores().get(task.name());
      if (a == null && b == null) {
        continue;
      }
      Optional<PairedOutcomes> pairs = pair(task.name(), baseline, candidate);
      pairs.ifPresent(p -> paired.put(task.name(), p));
      datasets.add(
          new ScoreDelta(
              task.name(),
              a == null ? Double.NaN : 100 * a,
              b == null ? Double.NaN : 100 * b,
              pairs.map(p -> pValue(List.of(p))).orElse(Double.NaN),
              pairs.map(PairedOutcomes::size).orElse(0)));
    }
    return new RunComparison(
        baseline.benchmark(),
        baseline.name(),
        candidate.name(),
        datasets,
        aggregates(tasks, baseline, candidate, paired));
  }

  private List<ScoreDelta> aggregates(
      List<TaskSpec> tasks,
      ScoreSource baseline,
      ScoreSource candidate,
      Map<String, PairedOutcomes> paired) {
    Map<String, Double> a = new LinkedHashMap<>();
    Map<String, Double> b = new LinkedHashMap<>();
    for (TaskSpec task : tasks) {
      Double x = baseline.mainScores().get(task.name());
      Double y = candidate.mainScores().get(task.name());
      if (x != null && y != null) {
        a.put(task.name(), x);
        b.put(task.name(), y);
      }
    }
    BenchmarkSummary sa = Aggregation.summarize(baseline.benchmark(), tasks, a);
    BenchmarkSummary sb = Aggregation.summarize(candidate.benchmark(), tasks, b);
    List<BenchmarkColumns.Column> columns =
        new ArrayList<>(BenchmarkColumns.of(baseline.benchmark(), tasks));
    columns.add(0, columns.remove(columns.size() - 1)); // the headline first
    List<ScoreDelta> aggregates = new ArrayList<>();
    for (BenchmarkColumns.Column column : columns) {
      GroupScore ga = column.groupIn(sa);
      GroupScore gb = column.groupIn(sb);
      if (ga == null || gb == null) {
        continue;
      }
      List<PairedOutcomes> members = new ArrayList<>();
      boolean allPaired = true;
      for (TaskSpec task : tasks) {
        if (a.containsKey(task.name()) && inGroup(task, column)) {
          PairedOutcomes p = paired.get(task.name());
          allPaired &= p != null;
          if (p != null) {
            members.add(p);
          }
        }
      }
      double p = allPaired && !members.isEmpty() ? pValue(members) : Double.NaN;
      aggregates.add(
          new ScoreDelta(
              column.label(),
              ga.meanPercent(),
              gb.meanPercent(),
              p,
              members.stream().mapToInt(PairedOutcomes::size).sum()));
    }
    return aggregates;
  }

  private static boolean inGroup(TaskSpec task, BenchmarkColumns.Column column) {
    return switch (column.kind()) {
      case GroupScore.OVERALL -> true;
      case GroupScore.META_TASK -> column.group().equals(task.metaTask().label());
      case GroupScore.SPLIT -> column.group().equals(task.splitLabel());
      case GroupScore.MODALITY -> column.group().equals(task.modality().label());
      default -> false;
    };
  }

  private double pValue(List<PairedOutcomes> datasets) {
    return PairedPermutationTest.pValue(datasets, rounds, seed);
  }

  /** Both runs' values on the same queries, or nothing when either run kept no outcomes. */
  static Optional<PairedOutcomes> pair(String task, ScoreSource baseline, ScoreSource candidate) {
    ScoreSource.QueryValues a = baseline.outcomes().get(task);
    ScoreSource.QueryValues b = candidate.outcomes().get(task);
    if (a == null || b == null) {
      return Optional.empty();
    }
    Map<Integer, Double> byRow = b.byRow(candidate.name() + ", " + task);
    a.byRow(baseline.name() + ", " + task);
    if (byRow.size() != a.rows().length
        || !java.util.Arrays.stream(a.rows()).allMatch(byRow::containsKey)) {
      throw new UserError(
          task
              + ": the runs scored different queries ("
              + a.rows().length
              + " in "
              + baseline.name()
              + ", "
              + b.rows().length
              + " in "
              + candidate.name()
              + "); they cannot be paired");
    }
    double[] paired = new double[a.rows().length];
    for (int i = 0; i < paired.length; i++) {
      paired[i] = byRow.get(a.rows()[i]);
    }
    return Optional.of(new PairedOutcomes(task, a.values(), paired));
  }
}
