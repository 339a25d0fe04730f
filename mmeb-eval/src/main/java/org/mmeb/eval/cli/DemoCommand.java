package org.mmeb.eval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.pipeline.EncoderSource;
import org.mmeb.eval.pipeline.RunJob;
import org.mmeb.eval.pipeline.TaskEncoding;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.report.imports.ReferenceScores;
import org.mmeb.eval.report.imports.ScoreInputs;
import org.mmeb.eval.report.leaderboard.Leaderboard;
import org.mmeb.eval.report.leaderboard.LeaderboardBuilder;
import org.mmeb.eval.report.leaderboard.LeaderboardView;
import org.mmeb.eval.task.TaskRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    description = {
      "The built-in demo, offline: writes the mmeb-mini benchmark (data synth), evaluates the"
          + " trained demo model and the random baseline on it, then builds the leaderboard.",
      "The demo model is a demo of the pipeline, not a real embedder."
    })
public final class DemoCommand implements Callable<Integer> {
  static final long SEED = 0;
  static final List<Path> MODELS =
      List.of(
          Installation.resolve("models/demo/spec.json"),
          Installation.resolve("models/random-baseline/spec.json"));

  @Mixin RegistryOptions registry;

  @Option(
      names = "--data",
      defaultValue = "demo-data",
      description = "Where mmeb-mini is written (default: ${DEFAULT-VALUE}).")
  Path data;

  @Mixin ResultsOption results;

  @Option(
      names = "--leaderboard",
      defaultValue = "leaderboard",
      description = "Leaderboard folder (default: ${DEFAULT-VALUE}).")
  Path leaderboard;

  @Mixin CacheOption cache;

  @Mixin DeviceOption device = new DeviceOption("cpu");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter log = spec.commandLine().getErr();
    long start = System.nanoTime();
    ensureData(log);
    TaskRegistry tasks = registry.load();
    for (Path model : MODELS) {
      evaluate(model, tasks, log);
    }
    writeLeaderboard(tasks, stdout);
    printFinished(stdout, start);
    return 0;
  }

  private void printFinished(PrintWriter stdout, long start) {
    stdout.printf(
        java.util.Locale.ROOT,
        "demo finished in %.1f s; open %s in a browser%n",
        (System.nanoTime() - start) / 1e9,
        leaderboard.resolve("leaderboard.html").toAbsolutePath().normalize());
    stdout.flush();
  }

  /** The leaderboard of the runs and the reference scores; prints mmeb-mini's table. */
  private void writeLeaderboard(TaskRegistry tasks, PrintWriter stdout) throws IOException {
    List<ScoreSource> sources = new ArrayList<>(ScoreInputs.runsUnder(results.out));
    sources.addAll(
        ReferenceScores.leaderboardSources(
            Installation.shown(Installation.home().resolve(ReferenceScores.DEFAULT_DIR)), tasks));
    Leaderboard board = new LeaderboardBuilder(tasks).build(sources);
    List<LeaderboardView> mini =
        board.views().stream()
            .filter(v -> v.benchmark().equals(SyntheticBenchmark.BENCHMARK))
            .toList();
    LeaderboardCommand.printAndWrite(stdout, new Leaderboard(mini), leaderboard, board);
  }

  /** Writes mmeb-mini once; a marker names the seed so a stale folder is rewritten. */
  private void ensureData(PrintWriter log) throws IOException {
    Path marker = data.resolve(".mmeb-mini-seed");
    String expected = Long.toString(SEED);
    if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(expected)) {
      log.println("mmeb-mini: using " + data);
      return;
    }
    log.println("mmeb-mini: writing the demo benchmark to " + data);
    log.flush();
    SyntheticBenchmark.write(data, SEED);
    Files.writeString(marker, expected + "\n");
  }

  private void evaluate(Path modelSpec, TaskRegistry tasks, PrintWriter log) throws Exception {
    if (!Files.isRegularFile(modelSpec)) {
      throw new UserError(modelSpec + ": demo model spec not found (run from a full checkout)");
    }
    TaskEncoding.Settings encoding = TaskEncoding.Settings.of(cache.cacheDir, 64, null);
    EncoderOptions options = EncoderOptions.forSpec(modelSpec, device.device);
    try (EncoderSource source = options.source(encoding, log)) {
      RunJob.Settings settings =
          RunJob.Settings.of(SyntheticBenchmark.BENCHMARK, data, List.of(), results.out);
      new RunJob(settings, log).run(tasks, source);
    }
  }
}
