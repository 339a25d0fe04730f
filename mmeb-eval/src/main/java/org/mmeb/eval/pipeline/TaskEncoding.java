package org.mmeb.eval.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mmeb.eval.Progress;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.encode.Encoder;

/**
 * Makes sure every unique item of a task has an embedding in the cache: items already cached are
 * skipped, the rest are encoded in length-sorted batches with CPU work pipelined against the model,
 * and each batch is appended to the cache as soon as it is done.
 */
public final class TaskEncoding {
  /** Settings of one encoding pass. */
  public record Settings(Path cacheRoot, int batchSize, int workers, boolean terminal) {
    /** Workers default to every core but the one the model session runs on. */
    public static Settings of(Path cacheRoot, int batchSize, Integer workers) {
      if (batchSize < 1) {
        throw new UserError("--batch-size must be at least 1 (found " + batchSize + ")");
      }
      if (workers != null && workers < 1) {
        throw new UserError("--workers must be at least 1 (found " + workers + ")");
      }
      int threads =
          workers != null ? workers : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
      return new Settings(cacheRoot, batchSize, threads, System.console() != null);
    }
  }

  private final Encoder encoder;
  private final Settings settings;
  private final PrintWriter log;

  public TaskEncoding(Encoder encoder, Settings settings, PrintWriter log) {
    this.encoder = encoder;
    this.settings = settings;
    this.log = log;
  }

  /**
   * The model's fingerprint, plus the batch size when vectors depend on the batch: a run with
   * another batch size must not read them.
   */
  private String cacheIdentity() {
    return encoder.batchDependent()
        ? encoder.fingerprint() + "-batch" + settings.batchSize()
        : encoder.fingerprint();
  }

  /** Encodes what is missing and returns the cache (open; the caller closes it) and the stats. */
  public Result encode(TaskData data) throws Exception {
    long start = System.nanoTime();
    List<Item> unique = UniqueItems.of(data);
    CacheKeys keys = CacheKeys.of(unique, data.images(), settings.workers() + 1);
    Path file =
        EmbeddingCache.fileFor(
            settings.cacheRoot(),
            cacheIdentity(),
            encoder.device(),
            data.spec().benchmark(),
            data.spec().name());
    EmbeddingCache cache = EmbeddingCache.open(file, log);
    List<Item> missing = unique.stream().filter(item -> !cache.contains(keys.of(item))).toList();
    Progress progress =
        Progress.items(log, data.spec().name(), missing.size(), settings.terminal());
    AtomicLong inference = new AtomicLong();
    StageClock clock = new StageClock();
    AtomicInteger dim = new AtomicInteger(cachedDim(unique, keys, cache));
    try {
      new PipelinedBatches<PreparedBatch>(
              settings.workers(),
              StageClock.devices(encoder),
              ByteWindow.defaultBudget(),
              PreparedBatch::bytes)
          .run(
              BatchPlan.of(missing, settings.batchSize()),
              batch -> clock.prepare(encoder, batch, data.images()),
              (batch, prepared) -> {
                long t0 = System.nanoTime();
                float[][] vectors = clock.infer(encoder, prepared);
                inference.addAndGet(System.nanoTime() - t0);
                checkShape(data, batch, vectors, dim);
                cache.putAll(batch.stream().map(keys::of).toList(), vectors);
                progress.advance(batch.size());
              });
    } catch (Exception e) {
      try {
        cache.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    progress.finish("nothing to encode (every item is in the cache)");
    EncodingStats stats =
        new EncodingStats(
            UniqueItems.referenceCount(data),
            unique.size(),
            unique.size() - missing.size(),
            missing.size(),
            clock.decodeNanos(),
            clock.preprocessNanos(),
            inference.get(),
            System.nanoTime() - start);
    return new Result(cache, keys, stats);
  }

  /** The task's embeddings and what they cost; close it to finish writing the cache. */
  public static final class Result implements AutoCloseable {
    private final EmbeddingCache cache;
    private final CacheKeys keys;
    private final EncodingStats stats;

    private Result(EmbeddingCache cache, CacheKeys keys, EncodingStats stats) {
      this.cache = cache;
      this.keys = keys;
      this.stats = stats;
    }

    /** The embedding of an item of this task, by its protocol key; null for an unknown key. */
    public float[] vector(String itemKey) {
      String cacheKey = keys.ofItemKey(itemKey);
      return cacheKey == null ? null : cache.get(cacheKey);
    }

    public EncodingStats stats() {
      return stats;
    }

    /** Writes what is still queued to the cache file and releases it. */
    @Override
    public void close() throws IOException {
      cache.close();
    }
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

  private static void checkShape(
      TaskData data, List<Item> batch, float[][] vectors, AtomicInteger dim) {
    if (vectors.length != batch.size()) {
      throw new UserError(
          data.spec().name()
              + ": the encoder returned "
              + vectors.length
              + " embeddings for a batch of "
              + batch.size()
              + " items");
    }
    for (int i = 0; i < vectors.length; i++) {
      int length = vectors[i] == null ? 0 : vectors[i].length;
      dim.compareAndSet(-1, length);
      if (length == 0 || length != dim.get()) {
        throw new UserError(
            String.format(
                Locale.ROOT,
                "%s: the encoder returned a %d-dimensional embedding for item '%s' where the"
                    + " others have %d dimensions",
                data.spec().name(),
                length,
                batch.get(i).key(),
                dim.get()));
      }
      for (float v : vectors[i]) {
        if (!Float.isFinite(v)) {
          throw new UserError(
              data.spec().name()
                  + ": the encoder returned a non-finite value for item '"
                  + batch.get(i).key()
                  + "'");
        }
      }
    }
  }
}
