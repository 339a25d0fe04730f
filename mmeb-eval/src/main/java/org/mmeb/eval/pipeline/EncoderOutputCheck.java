package org.mmeb.eval.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;

/**
 * What an encoder returned for a batch, checked before it reaches the cache: one vector per item,
 * every vector of the task with the same number of dimensions (the first vector seen sets it), and
 * finite values only.
 */
final class EncoderOutputCheck {
  private EncoderOutputCheck() {}

  /**
   * @param dim the task's dimension, -1 until the first vector sets it
   */
  static void check(String task, List<Item> batch, float[][] vectors, AtomicInteger dim) {
    if (vectors.length != batch.size()) {
      throw new UserError(
          task
              + ": the encoder returned "
              + vectors.length
              + " embeddings for a batch of "
              + batch.size()
              + " items");
    }
    for (int i = 0; i < vectors.length; i++) {
      checkDimension(task, batch.get(i), vectors[i], dim);
      checkFinite(task, batch.get(i), vectors[i]);
    }
  }

  private static void checkDimension(String task, Item item, float[] vector, AtomicInteger dim) {
    int length = vector == null ? 0 : vector.length;
    dim.compareAndSet(-1, length);
    if (length == 0 || length != dim.get()) {
      throw new UserError(
          String.format(
              Locale.ROOT,
              "%s: the encoder returned a %d-dimensional embedding for item '%s' where the"
                  + " others have %d dimensions",
              task,
              length,
              item.key(),
              dim.get()));
    }
  }

  private static void checkFinite(String task, Item item, float[] vector) {
    for (float v : vector) {
      if (!Float.isFinite(v)) {
        throw new UserError(
            task + ": the encoder returned a non-finite value for item '" + item.key() + "'");
      }
    }
  }
}
