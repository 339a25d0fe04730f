package org.mmeb.eval.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.Encoder;

/**
 * Splits an encoder's work into the CPU stage and the model stage and sums the time of each.
 * Encoders that cannot be split do everything in the model stage.
 */
final class StageClock {
  private final AtomicLong decode = new AtomicLong();
  private final AtomicLong preprocess = new AtomicLong();

  Prepared prepare(Encoder encoder, List<Item> batch, ImageStore images) throws Exception {
    return new Prepared(batch, images, null);
  }

  float[][] infer(Encoder encoder, Prepared prepared) throws Exception {
    return encoder.encode(prepared.batch(), prepared.images());
  }

  long decodeNanos() {
    return decode.get();
  }

  long preprocessNanos() {
    return preprocess.get();
  }
}
