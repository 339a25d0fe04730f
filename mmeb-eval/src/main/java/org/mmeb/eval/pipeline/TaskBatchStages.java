package org.mmeb.eval.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mmeb.eval.Progress;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.encode.Encoder;

/**
 * The three stages of one task's encoding, timed: {@link #prepare} (decode and tokenize, on worker
 * threads), {@link #infer} (the model, on a device thread) and {@link #store} (check what came back
 * with {@link EncoderOutputCheck}, append it to the cache, on a worker). Thread-safe, as {@link
 * PipelinedBatches} needs with several devices.
 */
final class TaskBatchStages {
  private final Encoder encoder;
  private final TaskData data;
  private final CacheKeys keys;
  private final EmbeddingCache cache;
  private final StageClock clock = new StageClock();
  private final AtomicInteger dim;
  private final AtomicLong inferenceNanos = new AtomicLong();
  private final AtomicInteger storedItems = new AtomicInteger();

  /**
   * @param unique the task's unique items; the first one already cached sets the dimension the
   *     others must have
   */
  TaskBatchStages(
      Encoder encoder, TaskData data, CacheKeys keys, EmbeddingCache cache, List<Item> unique) {
    this.encoder = encoder;
    this.data = data;
    this.keys = keys;
    this.cache = cache;
    this.dim = new AtomicInteger(cachedDim(unique, keys, cache));
  }

  PreparedBatch prepare(List<Item> batch) throws Exception {
    return clock.prepare(encoder, batch, data.images());
  }

  /** The model stage, on a device thread: the model and nothing else ({@link StageClock#run}). */
  float[][] infer(List<Item> batch, PreparedBatch prepared) throws Exception {
    long t0 = System.nanoTime();
    float[][] ran = clock.run(encoder, prepared);
    inferenceNanos.addAndGet(System.nanoTime() - t0);
    return ran;
  }

  /**
   * After the model, off the device thread: the vectors from its outputs, checked and appended to
   * the cache.
   */
  void store(List<Item> batch, PreparedBatch prepared, float[][] ran, Progress progress)
      throws Exception {
    float[][] vectors = clock.finish(encoder, prepared, ran);
    prepared.release();
    EncoderOutputCheck.check(data.spec().name(), batch, vectors, dim);
    cache.putAll(batch.stream().map(keys::of).toList(), vectors);
    storedItems.addAndGet(batch.size());
    progress.advance(batch.size());
  }

  /** The pass's counts and stage times, with its wall time since {@code startNanos}. */
  EncodingStats stats(int uniqueItems, long startNanos) {
    int encoded = storedItems.get();
    return new EncodingStats(
        UniqueItems.referenceCount(data),
        uniqueItems,
        uniqueItems - encoded,
        encoded,
        clock.decodeNanos(),
        clock.preprocessNanos(),
        inferenceNanos.get(),
        System.nanoTime() - startNanos);
  }

  private static int cachedDim(List<Item> unique, CacheKeys keys, EmbeddingCache cache) {
    for (Item item : unique) {
      float[] vector = cache.get(keys.of(item));
      if (vector != null) {
        return vector.length;
      }
    }
    return -1;
  }
}
