package org.mmeb.eval.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.Encoder;

/**
 * Measures the encoding pipeline against a serial loop on the same items in one process:
 * alternating rounds (serial, pipelined, serial, ...) so that machine noise hits both, reporting
 * medians. No cache is involved. The pipelined mode's inference share of wall time tells whether
 * the model (≈100%) or the harness is the bottleneck.
 */
public final class EncodeBenchmark {
  /** One mode's median over rounds. */
  public record Mode(String name, double itemsPerSecond, double inferenceShare) {}

  /** Both modes and the speed-up of pipelining. */
  public record Report(int items, int rounds, Mode serial, Mode pipelined) {
    public double speedup() {
      return pipelined.itemsPerSecond() / serial.itemsPerSecond();
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
    List<double[]> serial = new ArrayList<>();
    List<double[]> pipelined = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      serial.add(once(batches, images, false));
      pipelined.add(once(batches, images, true));
    }
    return new Report(
        items.size(),
        rounds,
        median("serial", serial, items.size()),
        median("pipelined x" + workers, pipelined, items.size()));
  }

  /** Returns {wall nanos, inference nanos}. */
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
    double wall = System.nanoTime() - start;
    return new double[] {wall, inference.get() / (double) consumers};
  }

  private static Mode median(String name, List<double[]> samples, int items) {
    double[] rates = samples.stream().mapToDouble(s -> items / (s[0] / 1e9)).sorted().toArray();
    double[] shares = samples.stream().mapToDouble(s -> s[1] / s[0]).sorted().toArray();
    return new Mode(name, middle(rates), middle(shares));
  }

  private static double middle(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
