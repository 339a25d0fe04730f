package org.mmeb.eval.pipeline;

import java.util.List;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.Prepared;

/** A batch after the CPU stage: the staged encoder's prepared form, or the raw batch. */
record PreparedBatch(List<Item> batch, ImageStore images, Prepared prepared) {
  /** Bytes of the model-ready buffers (none for encoders without a CPU stage). */
  long bytes() {
    return prepared == null ? 0 : prepared.bytes();
  }

  /** Hands the model-ready buffers back for reuse ({@link Prepared#release}). */
  void release() {
    if (prepared != null) {
      prepared.release();
    }
  }
}
