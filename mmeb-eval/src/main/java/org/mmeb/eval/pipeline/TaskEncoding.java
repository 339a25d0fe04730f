package org.mmeb.eval.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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

  /** Encodes what is missing and returns the cache (open; the caller closes it) and the stats. */
  public Result encode(TaskData data) throws Exception {
    long start = System.nanoTime();
    List<Item> unique = UniqueItems.of(data);
    Path file =
        EmbeddingCache.fileFor(
            settings.cacheRoot(),
            encoder.fingerprint(),
            data.spec().benchmark(),
            data.spec().name());
    EmbeddingCache cache = EmbeddingCache.open(file);
    List<Item> missing = unique.stream().filter(item -> !cache.contains(item.key())).toList();
    Progress progress = new Progress(log, data.spec().name(), missing.size(), settings.terminal());
    AtomicLong inference = new AtomicLong();
    StageClock clock = new StageClock();
    try {
      new PipelinedBatches<PreparedBatch>(settings.workers(), StageClock.devices(encoder))
          .run(
              BatchPlan.of(missing, settings.batchSize()),
              batch -> clock.prepare(encoder, batch, data.images()),
              (batch, prepared) -> {
                long t0 = System.nanoTime();
                float[][] vectors = clock.infer(encoder, prepared);
                inference.addAndGet(System.nanoTime() - t0);
                checkShape(data, batch, vectors);
                cache.putAll(batch.stream().map(Item::key).toList(), vectors);
                progress.advance(batch.size());
              });
    } catch (Exception e) {
      cache.close();
      throw e;
    }
    progress.finish();
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
    return new Result(cache, stats);
  }

  /** The task's embeddings and what they cost. */
  public record Result(EmbeddingCache cache, EncodingStats stats) {}

  private static void checkShape(TaskData data, List<Item> batch, float[][] vectors) {
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
