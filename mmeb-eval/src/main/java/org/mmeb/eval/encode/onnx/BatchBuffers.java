package org.mmeb.eval.encode.onnx;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The pooled direct buffers of one prepared batch, handed back to their {@link DirectBufferPool}
 * together once the model has run the batch ({@link #release}, at most once: a block handed back
 * twice would go to two batches at the same time). A batch that is never released leaves its
 * buffers to the garbage collector, as unpooled buffers. Thread-safe.
 */
final class BatchBuffers {
  private final DirectBufferPool pool;
  private final List<ByteBuffer> blocks = new ArrayList<>();

  BatchBuffers(DirectBufferPool pool) {
    this.pool = pool;
  }

  /** {@code count} floats of undefined contents: the caller writes each one it feeds the model. */
  FloatBuffer floats(int count) {
    return block(count * Float.BYTES).asFloatBuffer();
  }

  /** A copy of {@code values}. */
  LongBuffer longs(long[] values) {
    LongBuffer buffer = block(values.length * Long.BYTES).asLongBuffer();
    buffer.put(values).flip();
    return buffer;
  }

  /** {@code count} zeros. */
  LongBuffer zeros(int count) {
    LongBuffer buffer = block(count * Long.BYTES).asLongBuffer();
    for (int i = 0; i < count; i++) {
      buffer.put(i, 0L);
    }
    return buffer;
  }

  private synchronized ByteBuffer block(int bytes) {
    ByteBuffer block = pool.take(bytes);
    blocks.add(block);
    return block.slice().order(block.order());
  }

  /** Hands every buffer back to the pool; later calls do nothing. */
  synchronized void release() {
    for (ByteBuffer block : blocks) {
      pool.give(block);
    }
    blocks.clear();
  }
}
