package org.mmeb.eval.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.data.TaskReaders;
import org.mmeb.eval.result.DataFiles;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunCounts;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordBuilder;
import org.mmeb.eval.result.RunRecordText;
import org.mmeb.eval.result.StageTimings;
import org.mmeb.eval.result.submission.Submission;
import org.mmeb.eval.score.Bootstrap;
import org.mmeb.eval.score.DatasetScore;
import org.mmeb.eval.score.TaskScorer;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskRegistry.LoadedTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description =
        "Score embeddings computed elsewhere (a submission folder, see README) on a benchmark's"
            + " data; write results/<model>/<benchmark>/run.json and VLM2Vec-shaped score files.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:scored", "2:bad input (submission, data, options)", "3:internal error"})
public final class ScoreCommand implements Callable<Integer> {
  @Mixin RegistryOptions registry;

  @Option(names = "--embeddings", required = true, description = "The submission folder.")
  Path embeddings;

  @Option(names = "--benchmark", required = true, description = "mmeb-v1, mmeb-v2, mmeb-mini, ...")
  String benchmark;

  @Option(names = "--data", required = true, description = "The benchmark's data folder.")
  Path data;

  @Option(
      names = "--tasks",
      split = ",",
      description = "Only these tasks (default: every task of the benchmark in the submission).")
  List<String> tasks = new ArrayList<>();

  @Option(
      names = "--out",
      defaultValue = "results",
      description = "Results root (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--model", description = "Model name for the results (default: the manifest's).")
  String model;

  @Option(names = "--seed", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
  long seed = Bootstrap.DEFAULT_SEED;

  @Option(names = "--bootstrap", description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
  int replicates = Bootstrap.DEFAULT_REPLICATES;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    TaskRegistry tasksRegistry = registry.load();
    if (tasksRegistry.benchmark(benchmark).isEmpty()) {
      throw new UserError("no tasks for benchmark '" + benchmark + "' (see: mmeb-eval tasks list)");
    }
    Submission submission = Submission.open(embeddings);
    List<LoadedTask> selected = select(tasksRegistry, submission);
    String name = model != null ? model : submission.manifest().model();
    RunRecordBuilder run =
        new RunRecordBuilder(benchmark, tasksRegistry.benchmark(benchmark))
            .model(
                name,
                submission.fingerprint(selected.stream().map(t -> t.spec().name()).toList()),
                null,
                submission.similarity().name().toLowerCase(java.util.Locale.ROOT))
            .device("none (precomputed embeddings)")
            .bootstrap(new Bootstrap(replicates, seed));
    PrintWriter err = spec.commandLine().getErr();
    for (LoadedTask task : selected) {
      long start = System.nanoTime();
      run.taskFile(task.spec().name(), task.file());
      DataFiles.of(task.spec(), data).forEach(f -> run.dataFile(data, f));
      TaskData taskData = TaskReaders.read(task.spec(), data);
      try {
        Submission.TaskEmbeddings vectors = submission.load(taskData);
        long scoring = System.nanoTime();
        DatasetScore score =
            TaskScorer.score(
                taskData, vectors.queries(), vectors.candidates(), submission.similarity());
        long end = System.nanoTime();
        run.dataset(
            task.spec(),
            score,
            StageTimings.ofNanos(0, 0, 0, end - scoring, end - start),
            new RunCounts(
                score.queries(),
                submission.manifest().tasks().get(task.spec().name()).candidates(),
                0,
                0));
      } finally {
        if (taskData.images() != null) {
          taskData.images().close();
        }
      }
      err.printf("scored %s%n", task.spec().name());
    }
    RunRecord record = run.build();
    Path file = ResultsLayout.write(out, record);
    PrintWriter stdout = spec.commandLine().getOut();
    RunRecordText.lines(record).forEach(stdout::println);
    stdout.println();
    stdout.println("wrote " + file);
    return 0;
  }

  private List<LoadedTask> select(TaskRegistry tasksRegistry, Submission submission) {
    if (!tasks.isEmpty()) {
      return tasksRegistry.select(benchmark, tasks);
    }
    List<LoadedTask> present =
        tasksRegistry.select(benchmark, List.of()).stream()
            .filter(t -> submission.manifest().tasks().containsKey(t.spec().name()))
            .toList();
    if (present.isEmpty()) {
      throw new UserError(
          embeddings.resolve("manifest.json")
              + ": no task of "
              + benchmark
              + " (it lists "
              + submission.manifest().tasks().keySet()
              + ")");
    }
    return present;
  }
}
