package org.mmeb.eval.encode.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One set of sessions per device, each lent to up to {@code runsPerDevice} batches at once. A batch
 * borrows a free slot, so with several GPUs concurrent {@code infer} calls run side by side; two
 * slots per GPU let one batch's copies and host work overlap the other's kernels ({@code
 * OrtSession.run} is thread-safe).
 */
final class DevicePool<T extends AutoCloseable> implements AutoCloseable {
  /** Work on a borrowed device. */
  interface Work<T, R> {
    R apply(T sessions) throws Exception;
  }

  private final List<T> all;
  private final BlockingQueue<T> free;
  private final int slots;

  DevicePool(List<T> sessions, int runsPerDevice) {
    this.all = List.copyOf(sessions);
    List<T> slots = new ArrayList<>();
    for (int r = 0; r < runsPerDevice; r++) {
      slots.addAll(all);
    }
    this.free = new ArrayBlockingQueue<>(slots.size(), false, slots);
    this.slots = slots.size();
  }

  /** The first device's sessions (for what is the same on every device). */
  T first() {
    return all.get(0);
  }

  /** How many batches can run at once. */
  int slots() {
    return slots;
  }

  <R> R with(Work<T, R> work) throws Exception {
    T sessions = free.take();
    try {
      return work.apply(sessions);
    } finally {
      free.add(sessions);
    }
  }

  @Override
  public void close() throws Exception {
    for (T sessions : all) {
      sessions.close();
    }
  }
}
