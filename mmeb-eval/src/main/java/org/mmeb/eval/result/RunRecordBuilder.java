package org.mmeb.eval.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.score.Aggregation;
import org.mmeb.eval.score.BenchmarkSummary;
import org.mmeb.eval.score.Bootstrap;
import org.mmeb.eval.score.DatasetScore;
import org.mmeb.eval.score.GroupScore;
import org.mmeb.eval.score.PaperRounding;
import org.mmeb.eval.score.QueryOutcome;
import org.mmeb.eval.task.TaskSpec;

/**
 * Collects a run as it happens and makes its {@link RunRecord}: create it when the run starts, give
 * it the model, device and every task and data file read, add each dataset as it is scored, then
 * {@link #build()}. Platform, harness version, git commit, totals, aggregates and bootstrap
 * intervals are filled in here.
 *
 * <pre>{@code
 * RunRecordBuilder run = new RunRecordBuilder("mmeb-v2", registry.benchmark("mmeb-v2"));
 * run.model(name, encoder.fingerprint(), specJson, "cosine").device(encoder.device());
 * run.taskFile(spec.name(), taskFile).dataFile(dataRoot, parquetFile);
 * run.dataset(spec, TaskScorer.score(data.ranking(), lookup), timings, counts);
 * RunRecordFile.write(ResultsLayout.runFile(resultsRoot, name, "mmeb-v2"), run.build());
 * }</pre>
 */
public final class RunRecordBuilder {
  private final String benchmark;
  private final List<TaskSpec> expected;
  private final Instant started = Instant.now();
  private final Map<String, String> taskFiles = new LinkedHashMap<>();
  private final Map<String, String> dataFiles = new LinkedHashMap<>();
  private final List<DatasetResult> datasets = new ArrayList<>();
  private final Map<String, double[]> mainValues = new LinkedHashMap<>();
  private RunRecord.ModelInfo model = new RunRecord.ModelInfo("unknown", "unknown", null, "cosine");
  private String device = "unknown";
  private Bootstrap bootstrap = new Bootstrap();
  private Path checkout = Path.of("");
  private boolean kept;
  private Reasoning reasoning;
  private final Map<String, Reasoning.TaskTraces> keptTraces = new LinkedHashMap<>();

  /**
   * @param expected every task of the benchmark (for present/expected and group sizes)
   */
  public RunRecordBuilder(String benchmark, List<TaskSpec> expected) {
    this.benchmark = benchmark;
    this.expected = List.copyOf(expected);
  }

  public RunRecordBuilder model(String name, String fingerprint, JsonNode spec, String similarity) {
    return model(new RunRecord.ModelInfo(name, fingerprint, spec, similarity));
  }

  public RunRecordBuilder model(RunRecord.ModelInfo model) {
    this.model = model;
    return this;
  }

  public RunRecordBuilder device(String device) {
    this.device = device;
    return this;
  }

  public RunRecordBuilder bootstrap(Bootstrap bootstrap) {
    this.bootstrap = bootstrap;
    return this;
  }

  /** A kept task's trace figures from the earlier run's reasoning block (if it had one). */
  public RunRecordBuilder keepTraces(Reasoning earlier, String task) {
    if (earlier != null && earlier.tasks().containsKey(task)) {
      keptTraces.put(task, earlier.tasks().get(task));
    }
    return this;
  }

  /** How the queries got reasoning traces (null: they had none). */
  public RunRecordBuilder reasoning(Reasoning reasoning) {
    this.reasoning = reasoning;
    return this;
  }

  /** Where the harness checkout is, for its git commit (default: the working directory). */
  public RunRecordBuilder checkout(Path dir) {
    this.checkout = dir;
    return this;
  }

  public RunRecordBuilder taskFile(String task, Path file) {
    taskFiles.put(task, FileHashes.sha256(file));
    return this;
  }

  /** Hashes a data file read; recorded by its path relative to {@code dataRoot}. */
  public RunRecordBuilder dataFile(Path dataRoot, Path file) {
    dataFiles.put(dataRoot.relativize(file).toString().replace('\\', '/'), FileHashes.sha256(file));
    return this;
  }

  public RunRecordBuilder dataset(
      TaskSpec spec, DatasetScore score, StageTimings timings, RunCounts counts) {
    double[] values = score.mainValues();
    mainValues.put(spec.name(), values);
    datasets.add(result(spec, score, values, timings, counts));
    return this;
  }

  private DatasetResult result(
      TaskSpec spec, DatasetScore score, double[] values, StageTimings timings, RunCounts counts) {
    boolean empty = score.queries() == 0;
    return new DatasetResult(
        spec.name(),
        spec.modality().label(),
        spec.metaTask().label(),
        spec.splitLabel(),
        score.mainMetric(),
        score.mainScore(),
        empty ? "-" : PaperRounding.format(PaperRounding.dataset(score.mainScore())),
        empty ? null : bootstrap.dataset(values),
        score.queries(),
        score.metrics(),
        timings,
        counts,
        score.tiedAtTop(),
        outcomes(score));
  }

  /**
   * Adds a dataset scored by an earlier run of the same model (a subset run merges into the model's
   * run.json rather than replacing it), with that run's task and data file hashes.
   */
  public RunRecordBuilder keep(DatasetResult earlier, Provenance earlierProvenance) {
    datasets.add(earlier);
    mainValues.put(earlier.task(), earlier.outcomes().mainValue());
    String taskHash = earlierProvenance.taskFiles().get(earlier.task());
    if (taskHash != null) {
      taskFiles.putIfAbsent(earlier.task(), taskHash);
    }
    earlierProvenance.dataFiles().forEach(dataFiles::putIfAbsent);
    kept = true;
    return this;
  }

  public RunRecord build() {
    sortKeptDatasetsInTaskOrder();
    Map<String, Double> scores = presentScores();
    Instant finished = Instant.now();
    return new RunRecord(
        RunRecord.SCHEMA_VERSION,
        benchmark,
        model,
        provenance(finished),
        totalTime(finished),
        totalCounts(),
        summary(Aggregation.summarize(benchmark, expected, scores), scores),
        datasets,
        reasoningWithKeptTasks());
  }

  /** Kept datasets were added first: put every dataset back in the benchmark's task order. */
  private void sortKeptDatasetsInTaskOrder() {
    if (kept) {
      List<String> order = expected.stream().map(TaskSpec::name).toList();
      datasets.sort(
          Comparator.comparingInt(
              d -> order.contains(d.task()) ? order.indexOf(d.task()) : order.size()));
    }
  }

  /** The main scores of the datasets with queries: what the aggregates average. */
  private Map<String, Double> presentScores() {
    Map<String, Double> scores = new LinkedHashMap<>();
    datasets.stream()
        .filter(d -> d.queries() > 0)
        .forEach(d -> scores.put(d.task(), d.mainScore()));
    return scores;
  }

  private RunCounts totalCounts() {
    return datasets.stream().map(DatasetResult::counts).reduce(RunCounts.NONE, RunCounts::plus);
  }

  /** The stages summed over datasets, with the run's wall-clock time. */
  private StageTimings totalTime(Instant finished) {
    StageTimings sum =
        datasets.stream().map(DatasetResult::timings).reduce(StageTimings.NONE, StageTimings::plus);
    return new StageTimings(
        sum.decodeSeconds(),
        sum.preprocessSeconds(),
        sum.inferenceSeconds(),
        sum.scoringSeconds(),
        (finished.toEpochMilli() - started.toEpochMilli()) / 1e3);
  }

  private Reasoning reasoningWithKeptTasks() {
    if (reasoning == null || keptTraces.isEmpty()) {
      return reasoning;
    }
    Map<String, Reasoning.TaskTraces> tasks = new LinkedHashMap<>(keptTraces);
    tasks.putAll(reasoning.tasks());
    return reasoning.withTasks(tasks);
  }

  private RunSummary summary(BenchmarkSummary summary, Map<String, Double> scores) {
    List<RunSummary.Group> groups =
        summary.groups().stream().map(RunRecordBuilder::summaryGroup).toList();
    List<double[]> present = scores.keySet().stream().map(mainValues::get).toList();
    return new RunSummary(
        summary.overall().present(),
        summary.overall().expected(),
        summary.partial(),
        groups,
        present.isEmpty() ? null : bootstrap.overall(present));
  }

  private static RunSummary.Group summaryGroup(GroupScore g) {
    return new RunSummary.Group(
        g.kind(),
        g.group(),
        g.present(),
        g.expected(),
        g.partial(),
        g.present() == 0 ? null : g.meanPercent(),
        g.displayText());
  }

  private Provenance provenance(Instant finished) {
    return new Provenance(
        HarnessBuild.version(),
        GitCommit.of(checkout),
        started.toString(),
        finished.toString(),
        device,
        System.getProperty("java.version"),
        System.getProperty("java.vendor"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("os.arch"),
        taskFiles,
        dataFiles);
  }

  private static DatasetResult.Outcomes outcomes(DatasetScore score) {
    List<QueryOutcome> list = score.outcomes();
    return new DatasetResult.Outcomes(
        list.stream().mapToInt(QueryOutcome::row).toArray(),
        list.stream().mapToInt(QueryOutcome::firstPositiveRank).toArray(),
        list.stream().mapToDouble(QueryOutcome::mainValue).toArray());
  }
}
