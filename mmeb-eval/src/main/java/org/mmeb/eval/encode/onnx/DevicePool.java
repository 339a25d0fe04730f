package org.mmeb.eval.encode.onnx;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One set of sessions per device. A batch borrows a free device, so with several GPUs concurrent
 * {@code infer} calls run side by side, one per GPU.
 */
final class DevicePool<T extends AutoCloseable> implements AutoCloseable {
  /** Work on a borrowed device. */
  interface Work<T, R> {
    R apply(T sessions) throws Exception;
  }

  private final List<T> all;
  private final BlockingQueue<T> free;

  DevicePool(List<T> sessions) {
    this.all = List.copyOf(sessions);
    this.free = new ArrayBlockingQueue<>(all.size(), false, all);
  }

  int size() {
    return all.size();
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
