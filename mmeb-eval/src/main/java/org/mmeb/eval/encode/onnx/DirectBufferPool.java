package org.mmeb.eval.encode.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct native-order buffers for the model's inputs and outputs, reused from batch to batch.
 * Allocating one costs about as much as preparing the images it holds (the JVM zeroes it, the
 * kernel maps fresh pages: 12–30 µs per 48 KB image on the development machine, where decoding the
 * image takes 14 µs), and a dropped one is freed only when a garbage collection finds it. A request
 * gets a free block at most {@link #SLACK} larger than it asked for, else a new one; blocks handed
 * back beyond {@code keepBytes} become garbage ({@link DirectMemoryReclaim}). A taken block's
 * contents are whatever its last user left: the taker writes every byte it uses. Thread-safe.
 */
final class DirectBufferPool {
  /** How much larger than the request a reused block may be (a task's last, shorter batch). */
  static final double SLACK = 1.25;

  private final List<ByteBuffer> free = new ArrayList<>();
  private final long keepBytes;
  private final DirectMemoryReclaim reclaim = new DirectMemoryReclaim();
  private long freeBytes;

  /** Keeps at most {@code keepBytes} of free blocks. */
  DirectBufferPool(long keepBytes) {
    this.keepBytes = keepBytes;
  }

  /** A pool keeping up to a sixteenth of the heap limit (256 MB with the launcher's -Xmx4g). */
  static DirectBufferPool sizedToHeap() {
    return new DirectBufferPool(Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 16));
  }

  /** A block of at least {@code bytes}, position 0, limit {@code bytes}, native order. */
  ByteBuffer take(int bytes) {
    ByteBuffer block = takeFree(bytes);
    if (block == null) {
      block = allocate(bytes);
    }
    block.clear().limit(bytes);
    return block.order(ByteOrder.nativeOrder());
  }

  /**
   * A new block. When direct memory is exhausted ({@code -XX:MaxDirectMemorySize}), the free blocks
   * that fit no request are what holds it: they are dropped and the allocation tried again (the JDK
   * collects and retries before giving up).
   */
  private ByteBuffer allocate(int bytes) {
    try {
      return ByteBuffer.allocateDirect(bytes);
    } catch (OutOfMemoryError e) {
      dropFree();
      return ByteBuffer.allocateDirect(bytes);
    }
  }

  private synchronized void dropFree() {
    free.clear();
    freeBytes = 0;
  }

  /** The smallest free block that fits {@code bytes} within the slack, or null. */
  private synchronized ByteBuffer takeFree(int bytes) {
    int best = -1;
    for (int i = 0; i < free.size(); i++) {
      int capacity = free.get(i).capacity();
      if (capacity >= bytes
          && capacity <= bytes * SLACK
          && (best < 0 || capacity < free.get(best).capacity())) {
        best = i;
      }
    }
    if (best < 0) {
      return null;
    }
    ByteBuffer block = free.remove(best);
    freeBytes -= block.capacity();
    return block;
  }

  /** Takes back a block from {@link #take} that nothing reads or writes any more. */
  void give(ByteBuffer block) {
    synchronized (this) {
      if (freeBytes + block.capacity() <= keepBytes) {
        free.add(block);
        freeBytes += block.capacity();
        return;
      }
    }
    reclaim.dropped(block.capacity());
  }

  /** Bytes of free blocks kept. */
  synchronized long freeBytes() {
    return freeBytes;
  }
}
