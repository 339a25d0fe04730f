package org.mmeb.eval.pipeline;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.Encoder;

/**
 * {@code bench encoding}: the encoding pipeline against its limits on the same items in one
 * process. Each round runs a serial loop, the pipeline, the model alone on batches prepared
 * beforehand (bare inference: the ceiling the pipeline can reach when the model is the bottleneck)
 * and the CPU stage alone on the workers (the ceiling when preparation is), so that machine noise
 * hits all four; medians are reported. Besides wall time, each mode's process CPU time (every
 * thread, ONNX Runtime's native pools included) is measured: on a machine where the model runs on
 * the CPU, both stages draw on the same cores, and their CPU time per item bounds the pipeline. No
 * cache is involved. The pipeline's stage shares of wall time (decode and preprocess summed over
 * workers, inference on its own thread) tell which stage bounds it.
 */
public final class EncodingBench {
  /**
   * One mode over the rounds: median items/s and inference share of wall time; CPU time per item
   * over all rounds together (the process CPU clock ticks in 10 ms steps on Linux).
   */
  public record Mode(
      String name, double itemsPerSecond, double cpuMillisPerItem, double inference) {}

  /** The other encoder's pipeline and model alone, timed in the same rounds. */
  public record Other(Mode pipelined, Mode modelOnly) {}

  /** Shares of the pipeline's wall time (CPU stages summed over the workers). */
  public record Stages(double decode, double preprocess, double inference) {}

  /**
   * @param modelOnly bare inference on prepared batches
   * @param prepareOnly the CPU stage alone on the workers
   * @param other the pipeline and the model alone of the {@link #against other encoder}, or null
   */
  public record Report(
      int items,
      int rounds,
      int cores,
      Mode serial,
      Mode pipelined,
      Mode modelOnly,
      Mode prepareOnly,
      Stages stages,
      Other other) {
    public double speedup() {
      return pipelined.itemsPerSecond() / serial.itemsPerSecond();
    }

    /** The slower of the two stages alone. */
    public Mode slowestStage() {
      return modelOnly.itemsPerSecond() <= prepareOnly.itemsPerSecond() ? modelOnly : prepareOnly;
    }

    /**
     * The pipeline's rate ÷ the rate of its slowest stage alone (1 = the harness costs nothing).
     */
    public double ofSlowestStage() {
      return pipelined.itemsPerSecond() / slowestStage().itemsPerSecond();
    }

    /**
     * The pipeline's rate ÷ the rate of both stages back to back: the bound when the model and the
     * CPU stage share the same cores (a CPU-only machine), where overlap cannot beat their sum.
     */
    public double ofStagesBackToBack() {
      return pipelined.itemsPerSecond()
          * (1 / modelOnly.itemsPerSecond() + 1 / prepareOnly.itemsPerSecond());
    }

    /** CPU time per item of both stages alone, summed: what the pipeline cannot do with less. */
    public double stagesCpuMillisPerItem() {
      return modelOnly.cpuMillisPerItem() + prepareOnly.cpuMillisPerItem();
    }

    /**
     * The most items/s the stages' CPU time allows on this machine's cores if nothing else ran:
     * cores ÷ (CPU time per item of both stages), and never more than the slowest stage alone.
     */
    public double cpuBound() {
      double cpu = 1000 * cores / stagesCpuMillisPerItem();
      return Math.min(cpu, slowestStage().itemsPerSecond());
    }

    /** The pipeline's rate ÷ {@link #cpuBound}. */
    public double ofCpuBound() {
      return pipelined.itemsPerSecond() / cpuBound();
    }

    /**
     * The {@link #cpuBound} of the {@link #other} setting: its model alone with this CPU stage
     * (both settings prepare the same way).
     */
    public double otherCpuBound() {
      double cpuMillis = other.modelOnly().cpuMillisPerItem() + prepareOnly.cpuMillisPerItem();
      double slowest = Math.min(other.modelOnly().itemsPerSecond(), prepareOnly.itemsPerSecond());
      return Math.min(1000 * cores / cpuMillis, slowest);
    }
  }

  /** One timed pass: wall, process CPU, inference (per device slot), decode, preprocess nanos. */
  private record Sample(
      double wall, double cpu, double inference, double decode, double preprocess) {}

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final Encoder encoder;
  private final int batchSize;
  private final int workers;
  private EncodingBench other;

  public EncodingBench(Encoder encoder, int batchSize, int workers) {
    this.encoder = encoder;
    this.batchSize = batchSize;
    this.workers = workers;
  }

  /**
   * Also times the pipeline and the model alone of {@code encoder}, the same model with other
   * session settings (such as ONNX Runtime's intra-op threads), in the same rounds, so that the two
   * settings meet the same load from other processes; the model alone runs the batches this bench's
   * encoder prepared.
   */
  public EncodingBench against(Encoder encoder) {
    this.other = new EncodingBench(encoder, batchSize, workers);
    return this;
  }

  /**
   * Runs {@code warmUp} untimed rounds of every mode (sessions, file caches, and the JIT, which on
   * a task of a few hundred items is still compiling after one pass and would bill its threads' CPU
   * time to the first timed rounds), then {@code rounds} timed ones.
   */
  public Report run(List<Item> items, ImageStore images, int warmUp, int rounds) throws Exception {
    List<List<Item>> batches = BatchPlan.forPipeline(items, batchSize, encoder.batchDependent());
    List<PreparedBatch> prepared = prepareAll(batches, images);
    alternatingRounds(batches, prepared, images, warmUp);
    List<List<Sample>> samples = alternatingRounds(batches, prepared, images, rounds);
    int n = items.size();
    return new Report(
        n,
        rounds,
        Runtime.getRuntime().availableProcessors(),
        median("serial", samples.get(0), n),
        median("pipelined x" + workers, samples.get(1), n),
        median("model alone", samples.get(2), n),
        median("CPU stage alone", samples.get(3), n),
        new Stages(
            middle(samples.get(1), s -> s.decode() / s.wall()),
            middle(samples.get(1), s -> s.preprocess() / s.wall()),
            middle(samples.get(1), s -> s.inference() / s.wall())),
        other == null
            ? null
            : new Other(
                median("pipelined x" + workers, samples.get(4), n),
                median("model alone", samples.get(5), n)));
  }

  /**
   * Per mode (serial, pipelined, model alone, CPU stage alone, then the other encoder's pipelined
   * and model alone and its serial loop, not reported), one sample per round. Each encoder runs its
   * serial loop, its pipeline and its model alone in a row, so that its pipeline starts with its
   * own model and the preparing code warm, as in a long run; with another encoder the two swap
   * places every round (neither always runs first), then the CPU stage alone runs.
   */
  private List<List<Sample>> alternatingRounds(
      List<List<Item>> batches, List<PreparedBatch> prepared, ImageStore images, int rounds)
      throws Exception {
    List<List<Sample>> samples = new ArrayList<>();
    for (int mode = 0; mode < 7; mode++) {
      samples.add(new ArrayList<>());
    }
    for (int r = 0; r < rounds; r++) {
      boolean otherFirst = other != null && r % 2 == 1;
      if (otherFirst) {
        other.inARow(batches, prepared, images, samples.get(6), samples.get(4), samples.get(5));
      }
      inARow(batches, prepared, images, samples.get(0), samples.get(1), samples.get(2));
      if (other != null && !otherFirst) {
        other.inARow(batches, prepared, images, samples.get(6), samples.get(4), samples.get(5));
      }
      samples.get(3).add(timed(() -> prepareInWorkers(batches, images)));
    }
    return samples;
  }

  /** This encoder's serial loop, pipeline and model alone, one sample each, in a row. */
  private void inARow(
      List<List<Item>> batches,
      List<PreparedBatch> prepared,
      ImageStore images,
      List<Sample> serial,
      List<Sample> pipelined,
      List<Sample> modelOnly)
      throws Exception {
    serial.add(once(batches, images, false));
    pipelined.add(once(batches, images, true));
    modelOnly.add(timed(() -> inferAll(prepared)));
  }

  private interface Work {
    void run() throws Exception;
  }

  private static Sample timed(Work work) throws Exception {
    long cpu = OS.getProcessCpuTime();
    long start = System.nanoTime();
    work.run();
    return new Sample(System.nanoTime() - start, OS.getProcessCpuTime() - cpu, 0, 0, 0);
  }

  private List<PreparedBatch> prepareAll(List<List<Item>> batches, ImageStore images)
      throws Exception {
    StageClock clock = new StageClock();
    List<PreparedBatch> prepared = new ArrayList<>();
    for (List<Item> batch : batches) {
      prepared.add(clock.prepare(encoder, batch, images));
    }
    return prepared;
  }

  /** The model stage alone: what a device thread of the pipeline does ({@link StageClock#run}). */
  private void inferAll(List<PreparedBatch> prepared) throws Exception {
    StageClock clock = new StageClock();
    for (PreparedBatch batch : prepared) {
      clock.run(encoder, batch);
    }
  }

  private void prepareInWorkers(List<List<Item>> batches, ImageStore images) throws Exception {
    StageClock clock = new StageClock();
    new PipelinedBatches<PreparedBatch>(
            workers, 1, ByteWindow.defaultBudget(), PreparedBatch::bytes)
        .run(
            batches,
            batch -> clock.prepare(encoder, batch, images),
            (batch, ready) -> ready.release());
  }

  private Sample once(List<List<Item>> batches, ImageStore images, boolean pipelined)
      throws Exception {
    StageClock clock = new StageClock();
    AtomicLong inference = new AtomicLong();
    // every device slot runs batches (cuda:0,1 is measured with both GPUs busy)
    int consumers = pipelined ? StageClock.devices(encoder) : 1;
    PipelinedBatches.Infer<PreparedBatch, float[][]> infer = timedInference(clock, inference);
    PipelinedBatches.Prepare<PreparedBatch> prepare =
        batch -> clock.prepare(encoder, batch, images);
    Sample time =
        timed(
            pipelined
                ? () -> pipeline(consumers, batches, prepare, infer, finished(clock))
                : () -> serial(batches, prepare, infer, finished(clock)));
    return new Sample(
        time.wall(),
        time.cpu(),
        inference.get() / (double) consumers,
        clock.decodeNanos(),
        clock.preprocessNanos());
  }

  /** The model stage, adding its time to {@code inference}. */
  private PipelinedBatches.Infer<PreparedBatch, float[][]> timedInference(
      StageClock clock, AtomicLong inference) {
    return (batch, prepared) -> {
      long t0 = System.nanoTime();
      float[][] ran = clock.run(encoder, prepared);
      inference.addAndGet(System.nanoTime() - t0);
      return ran;
    };
  }

  /** After the model, as {@code run}: the vectors, then the buffers back to the pool. */
  private PipelinedBatches.Finish<PreparedBatch, float[][]> finished(StageClock clock) {
    return (batch, prepared, ran) -> {
      clock.finish(encoder, prepared, ran);
      prepared.release();
    };
  }

  /** As {@code run}: the model on the device threads, the buffers released on the workers. */
  private void pipeline(
      int consumers,
      List<List<Item>> batches,
      PipelinedBatches.Prepare<PreparedBatch> prepare,
      PipelinedBatches.Infer<PreparedBatch, float[][]> infer,
      PipelinedBatches.Finish<PreparedBatch, float[][]> finish)
      throws Exception {
    new PipelinedBatches<PreparedBatch>(
            workers, consumers, ByteWindow.defaultBudget(), PreparedBatch::bytes)
        .run(batches, prepare, infer, finish);
  }

  private static void serial(
      List<List<Item>> batches,
      PipelinedBatches.Prepare<PreparedBatch> prepare,
      PipelinedBatches.Infer<PreparedBatch, float[][]> infer,
      PipelinedBatches.Finish<PreparedBatch, float[][]> finish)
      throws Exception {
    for (List<Item> batch : batches) {
      PreparedBatch prepared = prepare.apply(batch);
      finish.accept(batch, prepared, infer.apply(batch, prepared));
    }
  }

  private static Mode median(String name, List<Sample> samples, int items) {
    return new Mode(
        name,
        middle(samples, s -> items / (s.wall() / 1e9)),
        samples.stream().mapToDouble(Sample::cpu).sum() / 1e6 / items / samples.size(),
        middle(samples, s -> s.inference() / s.wall()));
  }

  private static double middle(
      List<Sample> samples, java.util.function.ToDoubleFunction<Sample> f) {
    double[] values = samples.stream().mapToDouble(f).toArray();
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
}
