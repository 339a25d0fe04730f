package org.mmeb.eval.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.data.TaskReaders;
import org.mmeb.eval.encode.Encoder;
import org.mmeb.eval.encode.StagedEncoder;
import org.mmeb.eval.pipeline.DeviceCeiling;
import org.mmeb.eval.pipeline.EncodeBenchmark;
import org.mmeb.eval.pipeline.TaskEncoding;
import org.mmeb.eval.pipeline.UniqueItems;
import org.mmeb.eval.task.TaskRegistry.LoadedTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "encoding",
    description =
        "Encoding throughput of one task's unique items: the pipelined encoder against a serial"
            + " loop, the model alone on prepared batches and the CPU stage alone, alternating in"
            + " one process (medians; no cache).")
public final class BenchEncodingCommand implements Callable<Integer> {
  @Mixin RegistryOptions registry;
  @Mixin EncoderOptions encoderOptions;

  @Option(names = "--benchmark", required = true)
  String benchmark;

  @Option(names = "--task", required = true)
  String task;

  @Option(names = "--data", required = true)
  Path data;

  @Option(names = "--batch-size", defaultValue = "32")
  int batchSize;

  @Option(names = "--workers", description = "Preprocessing threads (default: cores - 1).")
  Integer workers;

  @Option(names = "--rounds", defaultValue = "5")
  int rounds;

  @Option(
      names = "--replay",
      paramLabel = "RUNS",
      description =
          "Device-only mode: prepare one batch once and run it RUNS times on every device slot at"
              + " once (two per GPU): the devices' own ceiling, with no decoding or cache.")
  Integer replay;

  @Option(
      names = "--text-only",
      description = "Encode only the task's items without images (to measure a text model).")
  boolean textOnly;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    LoadedTask loaded = registry.load().select(benchmark, List.of(task)).get(0);
    TaskData taskData = TaskReaders.read(loaded.spec(), data);
    List<Item> items = new ArrayList<>(UniqueItems.of(taskData));
    if (textOnly) {
      items.removeIf(Item::hasImages);
    }
    if (items.isEmpty()) {
      throw new UserError(
          benchmark + "/" + task + ": no items to encode" + (textOnly ? " without images" : ""));
    }
    int threads = TaskEncoding.Settings.of(null, batchSize, workers).workers();
    try (Encoder encoder = encoderOptions.open(spec.commandLine().getErr());
        var images = taskData.images()) {
      if (replay != null) {
        return replay(out, encoder, items, images);
      }
      EncodeBenchmark.Report report =
          new EncodeBenchmark(encoder, batchSize, threads).run(items, images, rounds);
      out.printf(
          Locale.ROOT,
          "%s/%s: %d unique items, batch %d, %d rounds, device %s, %d cores%n",
          benchmark,
          task,
          report.items(),
          batchSize,
          report.rounds(),
          encoder.device(),
          Runtime.getRuntime().availableProcessors());
      for (EncodeBenchmark.Mode mode : List.of(report.serial(), report.pipelined())) {
        out.printf(
            Locale.ROOT,
            "  %-14s %9.1f items/s   inference %4.1f%% of wall time%n",
            mode.name(),
            mode.itemsPerSecond(),
            100 * mode.inferenceShare());
      }
      out.printf(Locale.ROOT, "  speed-up (pipelined / serial): %.2fx%n", report.speedup());
      out.printf(
          Locale.ROOT,
          "  limits: model alone (bare inference on prepared batches) %.1f items/s,"
              + " CPU stage alone (%d workers) %.1f items/s%n",
          report.modelOnly(),
          threads,
          report.prepareOnly());
      out.printf(
          Locale.ROOT,
          "  pipelined / slowest stage alone (%s): %.2f; pipelined / both stages back to back"
              + " (the bound when they share the cores): %.2f%n",
          report.modelOnly() <= report.prepareOnly() ? "the model" : "the CPU stage",
          report.ofSlowestStage(),
          report.ofStagesBackToBack());
      out.printf(
          Locale.ROOT,
          "  pipelined wall time: decode %.1f%%, preprocess and tokenize %.1f%% (summed over"
              + " workers), inference %.1f%%%n",
          100 * report.stages().decode(),
          100 * report.stages().preprocess(),
          100 * report.stages().inference());
    }
    return 0;
  }

  private int replay(PrintWriter out, Encoder encoder, List<Item> items, ImageStore images)
      throws Exception {
    if (!(encoder instanceof StagedEncoder staged)) {
      throw new UserError("--replay needs an ONNX model (--model): a server has no device to time");
    }
    if (replay < 1) {
      throw new UserError("--replay must be >= 1, got " + replay);
    }
    List<Item> batch = DeviceCeiling.replayedBatch(items, batchSize);
    DeviceCeiling.Report report = DeviceCeiling.measure(staged, batch, images, replay);
    out.printf(
        Locale.ROOT,
        "%s/%s: one batch of %d items (%d with images) replayed %d times, device %s,"
            + " %d runs at once%n  device ceiling %9.1f items/s%n",
        benchmark,
        task,
        report.batchItems(),
        batch.stream().filter(Item::hasImages).count(),
        report.runs(),
        encoder.device(),
        report.concurrent(),
        report.itemsPerSecond());
    return 0;
  }
}
