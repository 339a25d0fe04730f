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

  /** The model and its output's finish, on one thread. */
  float[][] infer(Encoder encoder, PreparedBatch batch) throws Exception {
    return finish(encoder, batch, run(encoder, batch));
  }

  /**
   * The model stage alone, for a device thread: a staged encoder's {@link StagedEncoder#run} (its
   * raw outputs stay in the batch: null), else the whole encoding.
   */
  float[][] run(Encoder encoder, PreparedBatch batch) throws Exception {
    if (batch.prepared() != null) {
      ((StagedEncoder) encoder).run(batch.prepared());
      return null;
    }
    return encoder.encode(batch.batch(), batch.images());
  }

  /** After {@link #run}: the batch's vectors. */
  float[][] finish(Encoder encoder, PreparedBatch batch, float[][] ran) {
    return batch.prepared() != null ? ((StagedEncoder) encoder).finish(batch.prepared()) : ran;
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
