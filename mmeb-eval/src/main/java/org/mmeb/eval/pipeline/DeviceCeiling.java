package org.mmeb.eval.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.Prepared;
import org.mmeb.eval.encode.StagedEncoder;

/**
 * The devices' own ceiling: one batch prepared once, then run again and again on every device slot
 * at once (two runs per GPU), with no decoding, preprocessing or cache in the way. What the
 * pipeline reaches on the same batch size, divided by this, is the share of the devices the harness
 * keeps busy.
 */
public final class DeviceCeiling {
  /** Items per second over {@code runs} replays of one batch on {@code concurrent} slots. */
  public record Report(int batchItems, int runs, int concurrent, double itemsPerSecond) {}

  private DeviceCeiling() {}

  /** The batch of {@code items} that best shows the device: the last full batch of the plan. */
  public static List<Item> replayedBatch(List<Item> items, int batchSize) {
    List<List<Item>> plan = BatchPlan.of(items, batchSize);
    for (int i = plan.size() - 1; i >= 0; i--) {
      if (plan.get(i).size() == batchSize) {
        return plan.get(i);
      }
    }
    return plan.isEmpty() ? List.of() : plan.get(plan.size() - 1);
  }

  public static Report measure(StagedEncoder encoder, List<Item> batch, ImageStore images, int runs)
      throws Exception {
    Prepared prepared = encoder.prepare(batch, images);
    encoder.infer(prepared); // warm-up: kernels chosen, arena grown
    int concurrent = encoder.devices();
    ExecutorService threads = Executors.newFixedThreadPool(concurrent);
    try {
      AtomicInteger left = new AtomicInteger(runs);
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < concurrent; t++) {
        running.add(
            threads.submit(
                () -> {
                  while (left.getAndDecrement() > 0) {
                    encoder.run(prepared);
                  }
                  return null;
                }));
      }
      for (Future<?> future : running) {
        future.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Report(batch.size(), runs, concurrent, runs * batch.size() / seconds);
    } finally {
      threads.shutdownNow();
    }
  }
}
