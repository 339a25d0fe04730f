package org.mmeb.eval.report.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
    requireSameBenchmark(baseline, candidate);
    Map<String, PairedOutcomes> paired = new LinkedHashMap<>();
    List<ScoreDelta> datasets = new ArrayList<>();
    for (TaskSpec task : tasks) {
      datasetDelta(task.name(), baseline, candidate, paired).ifPresent(datasets::add);
    }
    return new RunComparison(
        baseline.benchmark(),
        baseline.name(),
        candidate.name(),
        datasets,
        aggregates(tasks, baseline, candidate, paired));
  }

  private static void requireSameBenchmark(ScoreSource baseline, ScoreSource candidate) {
    if (!baseline.benchmark().equals(candidate.benchmark())) {
      throw new UserError(
          String.format(
              Locale.ROOT,
              "cannot compare %s with %s (%s vs %s)",
              baseline.benchmark(),
              candidate.benchmark(),
              baseline.name(),
              candidate.name()));
    }
  }

  /**
   * The dataset's delta, or nothing when neither run has it; its queries are paired (and added to
   * {@code paired}) when both runs kept them.
   */
  private Optional<ScoreDelta> datasetDelta(
      String task,
      ScoreSource baseline,
      ScoreSource candidate,
      Map<String, PairedOutcomes> paired) {
    Double a = baseline.mainScores().get(task);
    Double b = candidate.mainScores().get(task);
    if (a == null && b == null) {
      return Optional.empty();
    }
    Optional<PairedOutcomes> pairs = pair(task, baseline, candidate);
    pairs.ifPresent(p -> paired.put(task, p));
    return Optional.of(pairedDelta(task, percent(a), percent(b), pairs));
  }

  /** A delta with its queries' p-value, NaN when they are not paired. */
  private ScoreDelta pairedDelta(String task, double a, double b, Optional<PairedOutcomes> pairs) {
    double p = pairs.map(pair -> pValue(List.of(pair))).orElse(Double.NaN);
    return new ScoreDelta(task, a, b, p, pairs.map(PairedOutcomes::size).orElse(0));
  }

  private static double percent(Double fraction) {
    return fraction == null ? Double.NaN : 100 * fraction;
  }

  /** Every view aggregate both runs have, headline first, over the datasets both runs have. */
  private List<ScoreDelta> aggregates(
      List<TaskSpec> tasks,
      ScoreSource baseline,
      ScoreSource candidate,
      Map<String, PairedOutcomes> paired) {
    List<TaskSpec> shared = shared(tasks, baseline, candidate);
    BenchmarkSummary a = summarize(baseline, tasks, shared);
    BenchmarkSummary b = summarize(candidate, tasks, shared);
    return headlineFirst(baseline.benchmark(), tasks).stream()
        .filter(column -> column.groupIn(a) != null && column.groupIn(b) != null)
        .map(column -> aggregateDelta(column, column.groupIn(a), column.groupIn(b), shared, paired))
        .toList();
  }

  private static List<TaskSpec> shared(
      List<TaskSpec> tasks, ScoreSource baseline, ScoreSource candidate) {
    return tasks.stream()
        .filter(t -> baseline.mainScores().get(t.name()) != null)
        .filter(t -> candidate.mainScores().get(t.name()) != null)
        .toList();
  }

  private static BenchmarkSummary summarize(
      ScoreSource source, List<TaskSpec> tasks, List<TaskSpec> shared) {
    Map<String, Double> scores = new LinkedHashMap<>();
    shared.forEach(t -> scores.put(t.name(), source.mainScores().get(t.name())));
    return Aggregation.summarize(source.benchmark(), tasks, scores);
  }

  private static List<BenchmarkColumns.Column> headlineFirst(
      String benchmark, List<TaskSpec> tasks) {
    List<BenchmarkColumns.Column> columns = new ArrayList<>(BenchmarkColumns.of(benchmark, tasks));
    columns.add(0, columns.remove(columns.size() - 1));
    return columns;
  }

  /** A p-value only when every shared dataset of the column has paired queries. */
  private ScoreDelta aggregateDelta(
      BenchmarkColumns.Column column,
      GroupScore a,
      GroupScore b,
      List<TaskSpec> shared,
      Map<String, PairedOutcomes> paired) {
    List<TaskSpec> inColumn = shared.stream().filter(t -> inGroup(t, column)).toList();
    List<PairedOutcomes> members =
        inColumn.stream().map(t -> paired.get(t.name())).filter(Objects::nonNull).toList();
    boolean allPaired = members.size() == inColumn.size();
    double p = allPaired && !members.isEmpty() ? pValue(members) : Double.NaN;
    int queries = members.stream().mapToInt(PairedOutcomes::size).sum();
    return new ScoreDelta(column.label(), a.meanPercent(), b.meanPercent(), p, queries);
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
    if (byRow.size() != a.rows().length || !Arrays.stream(a.rows()).allMatch(byRow::containsKey)) {
      throw differentQueries(task, baseline, candidate);
    }
    double[] paired = Arrays.stream(a.rows()).mapToDouble(byRow::get).toArray();
    return Optional.of(new PairedOutcomes(task, a.values(), paired));
  }

  private static UserError differentQueries(
      String task, ScoreSource baseline, ScoreSource candidate) {
    return new UserError(
        String.format(
            Locale.ROOT,
            "%s: the runs scored different queries (%d in %s, %d in %s); they cannot be paired",
            task,
            baseline.outcomes().get(task).rows().length,
            baseline.name(),
            candidate.outcomes().get(task).rows().length,
            candidate.name()));
  }
}
