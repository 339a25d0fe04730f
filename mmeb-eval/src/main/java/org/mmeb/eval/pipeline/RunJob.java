package org.mmeb.eval.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.data.TaskFiles;
import org.mmeb.eval.data.TaskReaders;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunCounts;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordBuilder;
import org.mmeb.eval.result.RunRecordText;
import org.mmeb.eval.result.StageTimings;
import org.mmeb.eval.result.TiedHits;
import org.mmeb.eval.score.Bootstrap;
import org.mmeb.eval.score.DatasetScore;
import org.mmeb.eval.score.KernelWarmUp;
import org.mmeb.eval.score.TaskScorer;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskRegistry.LoadedTask;
import org.mmeb.eval.task.TaskSpec;

/**
 * One benchmark for one {@link EmbeddingSource}: for each task, read → transform the queries →
 * embed (the source) → score → add to the run record, which is rewritten (atomically, with its
 * VLM2Vec files) after every task, so an interrupted run keeps every task it finished and says it
 * is partial.
 */
public final class RunJob {
  /** What to run and where results go. */
  public record Settings(
      String benchmark,
      Path dataRoot,
      List<String> tasks,
      Path resultsRoot,
      Bootstrap bootstrap,
      QueryTransform queries) {
    public static Settings of(
        String benchmark, Path dataRoot, List<String> tasks, Path resultsRoot) {
      return new Settings(
          benchmark, dataRoot, tasks, resultsRoot, new Bootstrap(), QueryTransform.NONE);
    }

    public Settings withBootstrap(Bootstrap bootstrap) {
      return new Settings(benchmark, dataRoot, tasks, resultsRoot, bootstrap, queries);
    }

    public Settings withQueries(QueryTransform queries) {
      return new Settings(benchmark, dataRoot, tasks, resultsRoot, bootstrap, queries);
    }
  }

  private final Settings settings;
  private final PrintWriter log;

  public RunJob(Settings settings, PrintWriter log) {
    this.settings = settings;
    this.log = log;
  }

  /** Runs every selected task and returns the finished record (also written under results). */
  public Outcome run(TaskRegistry registry, EmbeddingSource source) throws Exception {
    List<LoadedTask> selected = select(registry, source);
    // the scoring kernel compiled while the first task is read
    KernelWarmUp.startForAny(selected.stream().map(LoadedTask::spec).toList());
    RunRecord.ModelInfo model = source.model(selected);
    RunRecordBuilder record = newRecord(registry, model, source);
    mergeEarlierRun(record, model, selected, registry);
    Set<Path> hashed = new HashSet<>();
    Path runFile = null;
    for (LoadedTask task : selected) {
      record.taskFile(task.spec().name(), task.file());
      runTask(task, source, record, hashed);
      runFile = ResultsLayout.write(settings.resultsRoot(), record.build());
    }
    return new Outcome(record.build(), runFile);
  }

  private RunRecordBuilder newRecord(
      TaskRegistry registry, RunRecord.ModelInfo model, EmbeddingSource source) {
    return new RunRecordBuilder(settings.benchmark(), registry.benchmark(settings.benchmark()))
        .model(model)
        .device(source.device())
        .bootstrap(settings.bootstrap());
  }

  /** Keeps the tasks that this run does not run from the model's run.json of this benchmark. */
  private void mergeEarlierRun(
      RunRecordBuilder record,
      RunRecord.ModelInfo model,
      List<LoadedTask> selected,
      TaskRegistry registry) {
    EarlierRun.mergeInto(
        record,
        ResultsLayout.runFile(settings.resultsRoot(), model.name(), settings.benchmark()),
        model,
        selected.stream().map(t -> t.spec().name()).collect(Collectors.toSet()),
        registry.benchmark(settings.benchmark()).stream()
            .map(TaskSpec::name)
            .collect(Collectors.toSet()),
        log);
  }

  /** The run's record and where it was written. */
  public record Outcome(RunRecord record, Path runFile) {
    /** The run as a table, then where it was written. */
    public void print(PrintWriter out) {
      RunRecordText.lines(record).forEach(out::println);
      out.println("results: " + runFile);
    }
  }

  private List<LoadedTask> select(TaskRegistry registry, EmbeddingSource source) {
    if (registry.benchmark(settings.benchmark()).isEmpty()) {
      throw new UserError(
          "no tasks for benchmark '" + settings.benchmark() + "' (see: mmeb-eval tasks list)");
    }
    List<LoadedTask> named = registry.select(settings.benchmark(), settings.tasks());
    return settings.tasks().isEmpty() ? source.defaultTasks(settings.benchmark(), named) : named;
  }

  private void runTask(
      LoadedTask task, EmbeddingSource source, RunRecordBuilder record, Set<Path> hashed)
      throws Exception {
    TaskData read = TaskReaders.read(task.spec(), settings.dataRoot(), source.promptProfile());
    KernelWarmUp.startFor(read.ranking());
    try (var images = read.images()) {
      recordDataFiles(task, record, hashed);
      requireQueries(task, read);
      TaskData data = settings.queries().applyTo(read);
      record.reasoning(settings.queries().reasoning());
      embedAndScore(task, data, source, record);
    }
  }

  /** The hashes of the task's data files, each file once per run. */
  private void recordDataFiles(LoadedTask task, RunRecordBuilder record, Set<Path> hashed) {
    for (Path file : TaskFiles.of(task.spec(), settings.dataRoot())) {
      if (hashed.add(file)) {
        record.dataFile(settings.dataRoot(), file);
      }
    }
  }

  private void requireQueries(LoadedTask task, TaskData read) {
    if (read.rows().isEmpty()) {
      throw new UserError(
          task.spec().name()
              + ": the data under "
              + settings.dataRoot()
              + " has no queries (an empty table); nothing to score");
    }
  }

  private void embedAndScore(
      LoadedTask task, TaskData data, EmbeddingSource source, RunRecordBuilder record)
      throws Exception {
    try (TaskEmbeddings vectors = source.embed(data)) {
      long scoringStart = System.nanoTime();
      DatasetScore score =
          TaskScorer.score(
              data.ranking(), vectors.queries(), vectors.candidates(), source.similarity());
      long scoringNanos = System.nanoTime() - scoringStart;
      EncodingStats stats = vectors.stats();
      record.dataset(task.spec(), score, timings(stats, scoringNanos), counts(data, stats));
      printTask(task, score, data, stats);
    }
  }

  private static StageTimings timings(EncodingStats stats, long scoringNanos) {
    return StageTimings.ofNanos(
        stats.decodeNanos(),
        stats.preprocessNanos(),
        stats.inferenceNanos(),
        scoringNanos,
        stats.wallNanos() + scoringNanos);
  }

  private static RunCounts counts(TaskData data, EncodingStats stats) {
    return new RunCounts(
        data.rows().size(), stats.uniqueItems(), stats.cacheHits(), stats.encoded());
  }

  private void printTask(LoadedTask task, DatasetScore score, TaskData data, EncodingStats stats) {
    log.printf(
        Locale.ROOT,
        "%s: %s = %.2f (%d queries, %d unique items, %d from cache)%n",
        task.spec().name(),
        score.mainMetric(),
        100 * score.mainScore(),
        data.rows().size(),
        stats.uniqueItems(),
        stats.cacheHits());
    TiedHits.flag(task.spec().name(), score.tiedAtTop(), score.hitsAtOne())
        .ifPresent(line -> log.println("warning: " + line));
    log.flush();
  }
}
