package org.mmeb.eval.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.data.TaskReaders;
import org.mmeb.eval.encode.Encoder;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunCounts;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordBuilder;
import org.mmeb.eval.result.StageTimings;
import org.mmeb.eval.score.DatasetScore;
import org.mmeb.eval.score.TaskScorer;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskRegistry.LoadedTask;

/**
 * One model on one benchmark: for each task, read → encode what the cache lacks → score → add to
 * the run record, which is rewritten (atomically) after every task, so an interrupted run keeps
 * every task it finished and says it is partial.
 */
public final class RunJob {
  /** What to run and where results go. */
  public record Settings(
      String benchmark,
      Path dataRoot,
      List<String> tasks,
      Path resultsRoot,
      String modelName,
      JsonNode modelSpec,
      TaskEncoding.Settings encoding) {}

  private final Settings settings;
  private final PrintWriter log;

  public RunJob(Settings settings, PrintWriter log) {
    this.settings = settings;
    this.log = log;
  }

  /** Runs every selected task and returns the finished record (also written under results). */
  public Outcome run(TaskRegistry registry, Encoder encoder) throws Exception {
    List<LoadedTask> selected = registry.select(settings.benchmark(), settings.tasks());
    RunRecordBuilder record =
        new RunRecordBuilder(settings.benchmark(), registry.benchmark(settings.benchmark()))
            .model(settings.modelName(), encoder.fingerprint(), settings.modelSpec(), "cosine")
            .device(encoder.device());
    Set<Path> hashed = new HashSet<>();
    Path runFile = null;
    for (LoadedTask task : selected) {
      record.taskFile(task.spec().name(), task.file());
      for (Path file : TaskDataFiles.of(task.spec(), settings.dataRoot())) {
        if (hashed.add(file)) {
          record.dataFile(settings.dataRoot(), file);
        }
      }
      runTask(task, encoder, record);
      runFile = ResultsLayout.write(settings.resultsRoot(), record.build());
    }
    RunRecord finished = record.build();
    return new Outcome(finished, runFile);
  }

  /** The run's record and where it was written. */
  public record Outcome(RunRecord record, Path runFile) {}

  private void runTask(LoadedTask task, Encoder encoder, RunRecordBuilder record) throws Exception {
    TaskData data = TaskReaders.read(task.spec(), settings.dataRoot());
    try (var images = data.images()) {
      TaskEncoding.Result encoded =
          new TaskEncoding(encoder, settings.encoding(), log).encode(data);
      try (EmbeddingCache cache = encoded.cache()) {
        long scoringStart = System.nanoTime();
        DatasetScore score = TaskScorer.score(data, cache::get);
        long scoringNanos = System.nanoTime() - scoringStart;
        EncodingStats stats = encoded.stats();
        record.dataset(
            task.spec(),
            score,
            StageTimings.ofNanos(
                stats.decodeNanos(),
                stats.preprocessNanos(),
                stats.inferenceNanos(),
                scoringNanos,
                stats.wallNanos() + scoringNanos),
            new RunCounts(
                data.rows().size(), stats.uniqueItems(), stats.cacheHits(), stats.encoded()));
        log.printf(
            Locale.ROOT,
            "%s: %s = %.2f (%d queries, %d unique items, %d from cache)%n",
            task.spec().name(),
            score.mainMetric(),
            100 * score.mainScore(),
            data.rows().size(),
            stats.uniqueItems(),
            stats.cacheHits());
        log.flush();
      }
    }
  }
}
