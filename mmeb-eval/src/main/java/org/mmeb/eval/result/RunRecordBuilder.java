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
    datasets.add(
        new DatasetResult(
            spec.name(),
            spec.modality().label(),
            spec.metaTask().label(),
            spec.splitLabel(),
            score.mainMetric(),
            score.mainScore(),
            score.queries() == 0
                ? "-"
                : PaperRounding.format(PaperRounding.dataset(score.mainScore())),
            score.queries() == 0 ? null : bootstrap.dataset(values),
            score.queries(),
            score.metrics(),
            timings,
            counts,
            score.tiedAtTop(),
            outcomes(score)));
    return this;
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
    if (kept) {
      List<String> order = expected.stream().map(TaskSpec::name).toList();
      datasets.sort(
          Comparator.comparingInt(
              d -> order.contains(d.task()) ? order.indexOf(d.task()) : order.size()));
    }
    StageTimings totalTime = StageTimings.NONE;
    RunCounts totalCounts = RunCounts.NONE;
    Map<String, Double> scores = new LinkedHashMap<>();
    for (DatasetResult d : datasets) {
      totalTime = totalTime.plus(d.timings());
      totalCounts = totalCounts.plus(d.counts());
      if (d.queries() > 0) {
        scores.put(d.task(), d.mainScore());
      }
    }
    Instant finished = Instant.now();
    totalTime =
        new StageTimings(
            totalTime.decodeSeconds(),
            totalTime.preprocessSeconds(),
            totalTime.inferenceSeconds(),
            totalTime.scoringSeconds(),
            (finished.toEpochMilli() - started.toEpochMilli()) / 1e3);
    return new RunRecord(
        RunRecord.SCHEMA_VERSION,
        benchmark,
        model,
        provenance(finished),
        totalTime,
        totalCounts,
        summary(Aggregation.summarize(benchmark, expected, scores), scores),
        datasets,
        reasoningWithKeptTasks());
  }

  private Reasoning reasoningWithKeptTasks() {
    if (reasoning == null || keptTraces.isEmpty()) {
      return reasoning;
    }
    Map<String, Reasoning.TaskTraces> tasks = new LinkedHashMap<>(keptTraces);
    tasks.putAll(reasoning.tasks());
    return new Reasoning(
        reasoning.reasoner(),
        reasoning.source(),
        reasoning.location(),
        reasoning.model(),
        reasoning.decoding(),
        reasoning.promptHashes(),
        reasoning.template(),
        tasks);
  }

  private RunSummary summary(BenchmarkSummary summary, Map<String, Double> scores) {
    List<RunSummary.Group> groups = new ArrayList<>();
    for (GroupScore g : summary.groups()) {
      groups.add(
          new RunSummary.Group(
              g.kind(),
              g.group(),
              g.present(),
              g.expected(),
              g.partial(),
              g.present() == 0 ? null : g.meanPercent(),
              g.displayText()));
    }
    List<double[]> present = scores.keySet().stream().map(mainValues::get).toList();
    return new RunSummary(
        summary.overall().present(),
        summary.overall().expected(),
        summary.partial(),
        groups,
        present.isEmpty() ? null : bootstrap.overall(present));
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
