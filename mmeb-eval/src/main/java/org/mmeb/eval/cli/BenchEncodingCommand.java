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
import org.mmeb.eval.encode.onnx.DeviceSettings;
import org.mmeb.eval.pipeline.DeviceCeiling;
import org.mmeb.eval.pipeline.EncodingBench;
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
      names = "--warm-up",
      paramLabel = "ROUNDS",
      defaultValue = "5",
      description =
          "Untimed rounds of every mode first, so the JIT has compiled the hot code (default:"
              + " ${DEFAULT-VALUE}).")
  int warmUp;

  @Option(
      names = "--replay",
      paramLabel = "RUNS",
      description =
          "Device-only mode: prepare one batch once and run it RUNS times on every device slot at"
              + " once (two per GPU): the devices' own ceiling, with no decoding or cache.")
  Integer replay;

  @Option(
      names = "--against-intra-op-threads",
      paramLabel = "N",
      converter = DeviceOptions.ThreadCount.class,
      description =
          "Also time the pipeline and the model alone with CPU sessions on N intra-op threads (0 ="
              + " ONNX Runtime's default), in the same rounds: both settings meet the same load.")
  Integer againstThreads;

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
    try (Encoder encoder = encoderOptions.open(spec.commandLine().getErr(), threads);
        var images = taskData.images()) {
      if (replay != null) {
        return replay(out, encoder, items, images);
      }
      EncodingBench bench = new EncodingBench(encoder, batchSize, threads);
      try (Encoder other = againstEncoder(threads)) {
        EncodingBench.Report report =
            (other == null ? bench : bench.against(other)).run(items, images, warmUp, rounds);
        print(out, report, encoder.device(), threads);
      }
    }
    return 0;
  }

  /** The model with --against-intra-op-threads, or null. */
  private Encoder againstEncoder(int workers) {
    if (againstThreads == null) {
      return null;
    }
    int threads =
        againstThreads == DeviceOptions.AUTO ? DeviceOptions.autoThreads(workers) : againstThreads;
    return encoderOptions.openModel(spec.commandLine().getErr(), workers, threads);
  }

  private void print(PrintWriter out, EncodingBench.Report report, String device, int threads) {
    printHeader(out, report, device, threads);
    printModes(out, report);
    printRatios(out, report);
    printCpuBound(out, report);
    if (report.other() != null) {
      printOther(out, report, threads);
    }
    printSummary(out, report, threads);
  }

  /**
   * Issue 13's two figures on one line: the pipeline against the model alone on the same intra-op
   * threads (the same thread budget for the model), and against the bound the stages' CPU time sets
   * on this machine's cores; with the share of the wall time the model's thread spent in the model
   * (what is left is waiting for batches and hand-offs).
   */
  private void printSummary(PrintWriter out, EncodingBench.Report report, int workers) {
    out.printf(
        Locale.ROOT,
        "  summary: intra-op threads %s: pipelined / model alone %.2f, pipelined / CPU bound %.2f,"
            + " model busy %.1f%% of the pipelined wall time%n",
        intraOpThreads(workers),
        report.pipelined().itemsPerSecond() / report.modelOnly().itemsPerSecond(),
        report.ofCpuBound(),
        100 * report.stages().inference());
    if (report.other() != null) {
      EncodingBench.Other other = report.other();
      out.printf(
          Locale.ROOT,
          "  summary: intra-op threads %s: pipelined / model alone %.2f, pipelined / CPU bound %.2f%n",
          againstIntraOpThreads(workers),
          other.pipelined().itemsPerSecond() / other.modelOnly().itemsPerSecond(),
          other.pipelined().itemsPerSecond() / report.otherCpuBound());
    }
  }

  /** The other thread count's pipeline and model alone, and how the two settings compare. */
  private void printOther(PrintWriter out, EncodingBench.Report report, int workers) {
    EncodingBench.Other other = report.other();
    out.printf(
        Locale.ROOT, "  with intra-op threads %s, same rounds:%n", againstIntraOpThreads(workers));
    for (EncodingBench.Mode mode : List.of(other.pipelined(), other.modelOnly())) {
      out.printf(
          Locale.ROOT,
          "  %-16s %10.1f %12.3f %11.2f%n",
          mode.name(),
          mode.itemsPerSecond(),
          mode.cpuMillisPerItem(),
          mode.itemsPerSecond() * mode.cpuMillisPerItem() / 1000);
    }
    out.printf(
        Locale.ROOT,
        "  its pipelined / its model alone: %.2f; pipelined above / this model alone: %.2f;"
            + " pipelined above / this pipelined: %.2f%n",
        other.pipelined().itemsPerSecond() / other.modelOnly().itemsPerSecond(),
        report.pipelined().itemsPerSecond() / other.modelOnly().itemsPerSecond(),
        report.pipelined().itemsPerSecond() / other.pipelined().itemsPerSecond());
  }

  /** Each mode's rate, CPU time per item, cores kept busy (their product) and inference share. */
  private static void printModes(PrintWriter out, EncodingBench.Report report) {
    out.printf(
        Locale.ROOT,
        "  %-16s %10s %12s %11s %10s%n",
        "",
        "items/s",
        "CPU ms/item",
        "cores busy",
        "inference");
    for (EncodingBench.Mode mode :
        List.of(report.serial(), report.pipelined(), report.modelOnly(), report.prepareOnly())) {
      out.printf(
          Locale.ROOT,
          "  %-16s %10.1f %12.3f %11.2f %10s%n",
          mode.name(),
          mode.itemsPerSecond(),
          mode.cpuMillisPerItem(),
          mode.itemsPerSecond() * mode.cpuMillisPerItem() / 1000,
          mode.inference() > 0 ? String.format(Locale.ROOT, "%.1f%%", 100 * mode.inference()) : "");
    }
  }

  private void printHeader(
      PrintWriter out, EncodingBench.Report report, String device, int threads) {
    out.printf(
        Locale.ROOT,
        "%s/%s: %d unique items, batch %d, %d rounds, device %s, %d cores, %d workers,"
            + " intra-op threads on CPU: %s%n",
        benchmark,
        task,
        report.items(),
        batchSize,
        report.rounds(),
        device,
        report.cores(),
        threads,
        intraOpThreads(threads));
  }

  private String intraOpThreads(int workers) {
    int threads = encoderOptions.deviceOptions.settings(workers).intraOpThreads();
    return threads == DeviceSettings.ALL_CORES
        ? "ONNX Runtime's default"
        : Integer.toString(threads);
  }

  private String againstIntraOpThreads(int workers) {
    int threads =
        againstThreads == DeviceOptions.AUTO ? DeviceOptions.autoThreads(workers) : againstThreads;
    return threads == DeviceSettings.ALL_CORES
        ? "ONNX Runtime's default"
        : Integer.toString(threads);
  }

  private static void printRatios(PrintWriter out, EncodingBench.Report report) {
    out.printf(Locale.ROOT, "  speed-up (pipelined / serial): %.2fx%n", report.speedup());
    out.printf(
        Locale.ROOT,
        "  pipelined / slowest stage alone (%s): %.2f; pipelined / both stages back to back: %.2f%n",
        report.slowestStage().name(),
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

  /** Where the model runs on the CPU, both stages share its cores: their CPU time bounds it. */
  private static void printCpuBound(PrintWriter out, EncodingBench.Report report) {
    out.printf(
        Locale.ROOT,
        "  CPU time per item: stages alone %.3f ms (model %.3f + CPU stage %.3f), pipelined %.3f"
            + " ms; on %d idle cores that allows %.1f items/s: pipelined / this CPU bound %.2f%n",
        report.stagesCpuMillisPerItem(),
        report.modelOnly().cpuMillisPerItem(),
        report.prepareOnly().cpuMillisPerItem(),
        report.pipelined().cpuMillisPerItem(),
        report.cores(),
        report.cpuBound(),
        report.ofCpuBound());
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
