package org.mmeb.eval.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.Encoder;

/**
 * Measures the encoding pipeline against its limits on the same items in one process: each round
 * runs a serial loop, the pipeline, the model alone on batches prepared beforehand (bare inference:
 * the ceiling the pipeline can reach when the model is the bottleneck) and the CPU stage alone on
 * the workers (the ceiling when preparation is), so that machine noise hits all four; medians are
 * reported. No cache is involved. The pipeline's stage shares of wall time (decode and preprocess
 * summed over workers, inference on its own thread) tell which stage bounds it.
 */
public final class EncodeBenchmark {
  /** One mode's median over rounds. */
  public record Mode(String name, double itemsPerSecond, double inferenceShare) {}

  /** Shares of the pipeline's wall time (CPU stages summed over the workers). */
  public record Stages(double decode, double preprocess, double inference) {}

  /**
   * @param modelOnly items/s of bare inference on prepared batches
   * @param prepareOnly items/s of the CPU stage alone on the workers
   */
  public record Report(
      int items,
      int rounds,
      Mode serial,
      Mode pipelined,
      double modelOnly,
      double prepareOnly,
      Stages stages) {
    public double speedup() {
      return pipelined.itemsPerSecond() / serial.itemsPerSecond();
    }

    /**
     * The pipeline's rate ÷ the rate of its slowest stage alone (1 = the harness costs nothing).
     */
    public double ofSlowestStage() {
      return pipelined.itemsPerSecond() / Math.min(modelOnly, prepareOnly);
    }

    /**
     * The pipeline's rate ÷ the rate of both stages back to back: the bound when the model and the
     * CPU stage share the same cores (a CPU-only machine), where overlap cannot beat their sum.
     */
    public double ofStagesBackToBack() {
      return pipelined.itemsPerSecond() * (1 / modelOnly + 1 / prepareOnly);
    }
  }

  private final Encoder encoder;
  private final int batchSize;
  private final int workers;

  public EncodeBenchmark(Encoder encoder, int batchSize, int workers) {
    this.encoder = encoder;
    this.batchSize = batchSize;
    this.workers = workers;
  }

  public Report run(List<Item> items, ImageStore images, int rounds) throws Exception {
    List<List<Item>> batches = BatchPlan.of(items, batchSize);
    once(batches, images, false); // warm-up: sessions, JIT, file caches
    StageClock clock = new StageClock();
    List<PreparedBatch> prepared = new ArrayList<>();
    for (List<Item> batch : batches) {
      prepared.add(clock.prepare(encoder, batch, images));
    }
    List<double[]> serial = new ArrayList<>();
    List<double[]> pipelined = new ArrayList<>();
    double[] model = new double[rounds];
    double[] prepare = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      serial.add(once(batches, images, false));
      pipelined.add(once(batches, images, true));
      model[r] = items.size() / seconds(() -> inferAll(clock, prepared));
      prepare[r] = items.size() / seconds(() -> prepareAll(batches, images));
    }
    return new Report(
        items.size(),
        rounds,
        median("serial", serial, items.size()),
        median("pipelined x" + workers, pipelined, items.size()),
        middle(model.clone()),
        middle(prepare.clone()),
        new Stages(
            middle(pipelined.stream().mapToDouble(s -> s[2] / s[0]).toArray()),
            middle(pipelined.stream().mapToDouble(s -> s[3] / s[0]).toArray()),
            middle(pipelined.stream().mapToDouble(s -> s[1] / s[0]).toArray())));
  }

  private interface Work {
    void run() throws Exception;
  }

  private static double seconds(Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private void inferAll(StageClock clock, List<PreparedBatch> prepared) throws Exception {
    for (PreparedBatch batch : prepared) {
      clock.infer(encoder, batch);
    }
  }

  private void prepareAll(List<List<Item>> batches, ImageStore images) throws Exception {
    StageClock clock = new StageClock();
    new PipelinedBatches<PreparedBatch>(
            workers, 1, ByteWindow.defaultBudget(), PreparedBatch::bytes)
        .run(batches, batch -> clock.prepare(encoder, batch, images), (batch, ready) -> {});
  }

  /** Returns {wall, inference (per device slot), decode, preprocess} nanos. */
  private double[] once(List<List<Item>> batches, ImageStore images, boolean pipelined)
      throws Exception {
    StageClock clock = new StageClock();
    AtomicLong inference = new AtomicLong();
    // every device slot runs batches (cuda:0,1 is measured with both GPUs busy)
    int consumers = pipelined ? StageClock.devices(encoder) : 1;
    long start = System.nanoTime();
    PipelinedBatches.Consume<PreparedBatch> infer =
        (batch, prepared) -> {
          long t0 = System.nanoTime();
          clock.infer(encoder, prepared);
          inference.addAndGet(System.nanoTime() - t0);
        };
    if (pipelined) {
      new PipelinedBatches<PreparedBatch>(
              workers, consumers, ByteWindow.defaultBudget(), PreparedBatch::bytes)
          .run(batches, batch -> clock.prepare(encoder, batch, images), infer);
    } else {
      for (List<Item> batch : batches) {
        infer.accept(batch, clock.prepare(encoder, batch, images));
      }
    }
    return new double[] {
      System.nanoTime() - start,
      inference.get() / (double) consumers,
      clock.decodeNanos(),
      clock.preprocessNanos()
    };
  }

  private static Mode median(String name, List<double[]> samples, int items) {
    double[] rates = samples.stream().mapToDouble(s -> items / (s[0] / 1e9)).toArray();
    double[] shares = samples.stream().mapToDouble(s -> s[1] / s[0]).toArray();
    return new Mode(name, middle(rates), middle(shares));
  }

  private static double middle(double[] values) {
    java.util.Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
}
