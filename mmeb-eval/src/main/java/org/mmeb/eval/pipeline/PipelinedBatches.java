package org.mmeb.eval.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.ToLongFunction;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;

/**
 * Runs a two-stage batch job: {@code prepare} (decode, preprocess, tokenize) on worker threads,
 * {@code consume} (the model, then the cache) on {@code consumers} threads — one per device, so
 * several GPUs are busy at once; with one consumer it is the calling thread and batches are
 * consumed in plan order. Prepared batches waiting for the model are bounded in bytes (a {@link
 * ByteWindow} over their direct buffers) and, to keep latency short, in number (at most {@code 2 ×
 * workers + consumers}); each is released as soon as it has been consumed, so memory stays bounded
 * whatever the task's size while the devices are kept busy.
 */
public final class PipelinedBatches<P> {
  /** The CPU-side stage; runs concurrently on worker threads. */
  @FunctionalInterface
  public interface Prepare<P> {
    P apply(List<Item> batch) throws Exception;
  }

  /** The model stage plus what to do with its output; thread-safe when consumers > 1. */
  @FunctionalInterface
  public interface Consume<P> {
    void accept(List<Item> batch, P prepared) throws Exception;
  }

  private final int workers;
  private final int consumers;
  private final long maxBytesInFlight;
  private final ToLongFunction<P> bytesOf;
  private long peakBytesInFlight;

  public PipelinedBatches(int workers) {
    this(workers, 1);
  }

  public PipelinedBatches(int workers, int consumers) {
    this(workers, consumers, Long.MAX_VALUE, prepared -> 0);
  }

  /**
   * @param maxBytesInFlight bytes of prepared batches that may wait for the model at once
   * @param bytesOf the bytes a prepared batch holds (its direct buffers)
   */
  public PipelinedBatches(
      int workers, int consumers, long maxBytesInFlight, ToLongFunction<P> bytesOf) {
    this.workers = Math.max(1, workers);
    this.consumers = Math.max(1, consumers);
    this.maxBytesInFlight = maxBytesInFlight;
    this.bytesOf = bytesOf;
  }

  /** The most bytes of prepared batches in flight at once during the last {@link #run}. */
  public long peakBytesInFlight() {
    return peakBytesInFlight;
  }

  public void run(List<List<Item>> batches, Prepare<P> prepare, Consume<P> consume)
      throws Exception {
    ExecutorService preparers = Executors.newFixedThreadPool(workers, r -> daemon(r, "prepare"));
    ExecutorService feeder = Executors.newSingleThreadExecutor(r -> daemon(r, "feed"));
    ExecutorService devices = Executors.newFixedThreadPool(consumers, r -> daemon(r, "infer"));
    try {
      OneRun run = new OneRun(batches, prepare, consume);
      feeder.submit(() -> run.feed(preparers));
      run.consumeOn(devices);
      peakBytesInFlight = run.bytes.peak();
    } finally {
      feeder.shutdownNow();
      preparers.shutdownNow();
      devices.shutdownNow();
    }
  }

  /**
   * One {@link #run}: each batch's slot, the windows that bound what is in flight, the consumers.
   */
  private final class OneRun {
    private final List<List<Item>> batches;
    private final Prepare<P> prepare;
    private final Consume<P> consume;
    // Permits are taken in plan order by the one feeder thread and given back when a batch has
    // been consumed, so the batch a device waits for always gets prepared: no deadlock.
    private final Semaphore window = new Semaphore(2 * workers + consumers);
    private final ByteWindow bytes = new ByteWindow(maxBytesInFlight);
    private final AtomicLongArray weights;
    // A slot is emptied as soon as its batch is consumed: a prepared batch (direct buffers of
    // pixels) must not stay reachable until the task ends, or a real-size task holds them all.
    private final AtomicReferenceArray<CompletableFuture<P>> prepared;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean failed = new AtomicBoolean();

    OneRun(List<List<Item>> batches, Prepare<P> prepare, Consume<P> consume) {
      this.batches = batches;
      this.prepare = prepare;
      this.consume = consume;
      this.weights = new AtomicLongArray(batches.size());
      this.prepared = new AtomicReferenceArray<>(batches.size());
      for (int i = 0; i < batches.size(); i++) {
        prepared.set(i, new CompletableFuture<>());
      }
    }

    /** In plan order: waits for a window permit, reserves bytes, hands the batch to a preparer. */
    Void feed(ExecutorService preparers) throws InterruptedException {
      for (int i = 0; i < batches.size(); i++) {
        window.acquire();
        int index = i;
        weights.set(index, bytes.reserve());
        preparers.submit(
            () ->
                complete(prepared.get(index), batch -> weighed(index, batch), batches.get(index)));
      }
      return null;
    }

    /** Prepares batch {@code index} and settles its reserved bytes to what it really holds. */
    private P weighed(int index, List<Item> batch) throws Exception {
      P p = prepare.apply(batch);
      long actual = bytesOf.applyAsLong(p);
      bytes.settle(weights.get(index), actual);
      weights.set(index, actual);
      return p;
    }

    /** Consumes on this thread, or on every device thread at once, until all are done. */
    void consumeOn(ExecutorService devices) throws Exception {
      Callable<Void> consumer = this::consumeInOrder;
      if (consumers == 1) {
        consumer.call();
        return;
      }
      List<Future<Void>> running = new ArrayList<>();
      for (int c = 0; c < consumers; c++) {
        running.add(devices.submit(consumer));
      }
      for (Future<Void> future : running) {
        await(future);
      }
    }

    /** Takes the next batch in plan order until none is left or a consumer failed. */
    private Void consumeInOrder() throws Exception {
      for (int i = next.getAndIncrement();
          i < batches.size() && !failed.get();
          i = next.getAndIncrement()) {
        consumeOne(i);
      }
      return null;
    }

    private void consumeOne(int i) throws Exception {
      try {
        P ready = await(prepared.get(i));
        prepared.set(i, null); // completed, so the feeder and the preparer are done with it
        consume.accept(batches.get(i), ready);
      } catch (Exception | Error e) {
        failed.set(true);
        throw e;
      } finally {
        bytes.release(weights.get(i));
        window.release();
      }
    }
  }

  private static <P> void complete(
      CompletableFuture<P> slot, Prepare<P> prepare, List<Item> batch) {
    try {
      slot.complete(prepare.apply(batch));
    } catch (Exception | Error e) {
      slot.completeExceptionally(e);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UserError userError) {
        throw userError;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw cause instanceof Exception exception ? exception : e;
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, "mmeb-" + name);
    t.setDaemon(true);
    return t;
  }
}
