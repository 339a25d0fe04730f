package org.mmeb.eval.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.Encoder;
import org.mmeb.eval.encode.Prepared;
import org.mmeb.eval.encode.StagedEncoder;

/**
 * Splits an encoder's work into the CPU stage and the model stage and sums the time of each.
 * Encoders that cannot be split (HTTP, precomputed) do everything in the model stage.
 */
final class StageClock {
  private final AtomicLong decode = new AtomicLong();
  private final AtomicLong preprocess = new AtomicLong();

  PreparedBatch prepare(Encoder encoder, List<Item> batch, ImageStore images) throws Exception {
    if (!(encoder instanceof StagedEncoder staged)) {
      return new PreparedBatch(batch, images, null);
    }
    Prepared prepared = staged.prepare(batch, images);
    decode.addAndGet(prepared.decodeNanos());
    preprocess.addAndGet(prepared.preprocessNanos());
    return new PreparedBatch(batch, images, prepared);
  }

  float[][] infer(Encoder encoder, PreparedBatch batch) throws Exception {
    if (batch.prepared() != null) {
      return ((StagedEncoder) encoder).infer(batch.prepared());
    }
    return encoder.encode(batch.batch(), batch.images());
  }

  /** Concurrent model calls worth making: one per device of a staged encoder. */
  static int devices(Encoder encoder) {
    return encoder instanceof StagedEncoder staged ? staged.devices() : 1;
  }

  long decodeNanos() {
    return decode.get();
  }

  long preprocessNanos() {
    return preprocess.get();
  }
}
