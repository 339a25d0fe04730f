package org.mmeb.eval.encode.onnx;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks for a garbage collection each time {@link #EVERY} bytes of direct buffers have become
 * garbage (blocks a {@link DirectBufferPool} does not keep). A direct buffer's memory is freed only
 * when a collection finds the buffer unreachable, and pixel buffers hardly touch the heap, so
 * collections are rare: without this, dead buffers pile up to {@code -XX:MaxDirectMemorySize} (by
 * default the heap limit, 4 GB with the launcher) before the JVM frees any, and a run's resident
 * memory grows with the task. The JDK itself calls {@code System.gc()} when direct memory runs out;
 * this does it earlier. A collection of the harness's small heap takes milliseconds.
 */
final class DirectMemoryReclaim {
  static final long EVERY = 256L << 20;

  private final AtomicLong sinceLast = new AtomicLong();

  /** Records that {@code bytes} of direct buffers are no longer referenced. */
  void dropped(long bytes) {
    if (bytes > 0 && sinceLast.addAndGet(bytes) >= EVERY) {
      sinceLast.set(0);
      System.gc();
    }
  }
}
