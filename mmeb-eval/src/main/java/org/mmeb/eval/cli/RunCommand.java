package org.mmeb.eval.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmeb.eval.pipeline.EncoderSource;
import org.mmeb.eval.pipeline.QueryTransform;
import org.mmeb.eval.pipeline.RunJob;
import org.mmeb.eval.pipeline.TaskEncoding;
import org.mmeb.eval.reason.TraceSource;
import org.mmeb.eval.score.Similarity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    description = {
      "Encode and score a benchmark with a model: each unique item is encoded once, embeddings are"
          + " cached on disk (a re-run or an interrupted run encodes nothing twice), results go to"
          + " OUT/<model>/<benchmark>/run.json."
    })
public final class RunCommand implements Callable<Integer> {
  @Mixin RegistryOptions registry;
  @Mixin EncoderOptions encoderOptions;
  @Mixin TraceOptions traceOptions;

  @Option(names = "--benchmark", required = true, description = "mmeb-v1, mmeb-v2, mmeb-mini, ...")
  String benchmark;

  @Option(names = "--data", required = true, description = "Local benchmark data folder.")
  Path data;

  @Option(names = "--tasks", split = ",", description = "Only these tasks (comma-separated).")
  List<String> tasks = new ArrayList<>();

  @Mixin ResultsOption results;

  @Option(
      names = "--batch-size",
      defaultValue = "32",
      description = "Items per batch (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--workers",
      description = "Threads decoding and preprocessing (default: cores - 1, at least 1).")
  Integer workers;

  @Mixin CacheOption cache;

  @Option(
      names = "--similarity",
      defaultValue = "cosine",
      description =
          "cosine or dot (default: ${DEFAULT-VALUE}). VLM2Vec's V1 baseline scripts rank by the"
              + " raw dot product unless run with --normalize True; recorded in run.json.")
  Similarity similarity;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    TaskEncoding.Settings encoding = TaskEncoding.Settings.of(cache.cacheDir, batchSize, workers);
    try (TraceSource traces = traceOptions.source(cache.cacheDir, err);
        EncoderSource source = encoderOptions.source(encoding, similarity, err, reasoner(traces))) {
      QueryTransform queries =
          TraceOptions.transform(traces, traceOptions.template, encoderOptions.specJson(), err);
      new RunJob(RunJob.Settings.of(benchmark, data, tasks, results.out).withQueries(queries), err)
          .run(registry.load(), source)
          .print(spec.commandLine().getOut());
    }
    return 0;
  }

  /** Results name a run with traces "embedder + reasoner", its own leaderboard row. */
  private static String reasoner(TraceSource traces) {
    return traces == null ? null : traces.reasoner();
  }
}
