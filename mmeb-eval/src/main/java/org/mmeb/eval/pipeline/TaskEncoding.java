package org.mmeb.eval.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
    EmbeddingCache cache = EmbeddingCache.open(cacheFile(data), log);
    TaskBatchStages stages;
    try {
      stages = encodeMissing(data, unique, keys, cache);
    } catch (Exception e) {
      throw closedAfter(cache, e);
    }
    return new Result(cache, keys, stages.stats(unique.size(), start));
  }

  private TaskBatchStages encodeMissing(
      TaskData data, List<Item> unique, CacheKeys keys, EmbeddingCache cache) throws Exception {
    List<Item> missing = unique.stream().filter(item -> !cache.contains(keys.of(item))).toList();
    Progress progress =
        Progress.items(log, data.spec().name(), missing.size(), settings.terminal());
    TaskBatchStages stages = new TaskBatchStages(encoder, data, keys, cache, unique);
    pipeline()
        .run(
            BatchPlan.forPipeline(missing, settings.batchSize(), encoder.batchDependent()),
            stages::prepare,
            stages::infer,
            (batch, prepared, vectors) -> stages.store(batch, prepared, vectors, progress));
    progress.finish("nothing to encode (every item is in the cache)");
    return stages;
  }

  /** Preparing on the workers, the model on every device, within the default memory window. */
  private PipelinedBatches<PreparedBatch> pipeline() {
    return new PipelinedBatches<>(
        settings.workers(),
        StageClock.devices(encoder),
        ByteWindow.defaultBudget(),
        PreparedBatch::bytes);
  }

  private Path cacheFile(TaskData data) {
    return EmbeddingCache.fileFor(
        settings.cacheRoot(),
        cacheIdentity(),
        encoder.device(),
        data.spec().benchmark(),
        data.spec().name());
  }

  /** {@code failure}, once the cache it interrupted is closed (a failure to close suppressed). */
  private static Exception closedAfter(EmbeddingCache cache, Exception failure) {
    try {
      cache.close();
    } catch (IOException closing) {
      failure.addSuppressed(closing);
    }
    return failure;
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
}
