package org.mmeb.eval.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmeb.eval.pipeline.RunJob;
import org.mmeb.eval.pipeline.SubmissionSource;
import org.mmeb.eval.result.submission.Submission;
import org.mmeb.eval.score.Bootstrap;
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

  @Mixin ResultsOption results;

  @Option(names = "--model", description = "Model name for the results (default: the manifest's).")
  String model;

  @Option(names = "--seed", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
  long seed = Bootstrap.DEFAULT_SEED;

  @Option(names = "--bootstrap", description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
  int replicates = Bootstrap.DEFAULT_REPLICATES;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    RunJob.Settings settings =
        RunJob.Settings.of(benchmark, data, tasks, results.out)
            .withBootstrap(new Bootstrap(replicates, seed));
    try (var source = new SubmissionSource(Submission.open(embeddings), model)) {
      new RunJob(settings, spec.commandLine().getErr())
          .run(registry.load(), source)
          .print(spec.commandLine().getOut());
    }
    return 0;
  }
}
