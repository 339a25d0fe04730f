package org.mmeb.eval.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToLongFunction;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;

/**
 * Runs a batch job in three stages: {@code prepare} (decode, preprocess, tokenize) on worker
 * threads, {@code infer} (the model) on {@code consumers} device threads — one per device slot, so
 * several GPUs are busy at once; with one consumer it is the calling thread and batches run in plan
 * order — and {@code finish} (what is done with the model's output: the cache, releasing buffers)
 * back on the workers, in plan order.
 *
 * <p>A device thread does nothing but take the next prepared batch and run it: it never wakes
 * another thread (on a machine whose cores are all busy, the thread it wakes takes its core) and
 * never waits for a finish. Workers find freed room and batches to finish by looking again after a
 * fraction of a batch's run time. A device thread waits only when its batch is not prepared yet;
 * the worker that completes it wakes it.
 *
 * <p>Batches between being claimed for preparation and finished are bounded in bytes (a {@link
 * ByteWindow} over their direct buffers) and, to keep latency short, in number (at most {@code 2 ×
 * workers + consumers}); each batch's bytes are released once it is finished, so memory stays
 * bounded whatever the task's size while the devices are kept busy.
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

  /** The model stage alone, on a device thread; thread-safe when consumers > 1. */
  @FunctionalInterface
  public interface Infer<P, R> {
    R apply(List<Item> batch, P prepared) throws Exception;
  }

  /**
   * What is done with a batch the model has run, on a worker, one batch at a time in plan order.
   */
  @FunctionalInterface
  public interface Finish<P, R> {
    void accept(List<Item> batch, P prepared, R output) throws Exception;
  }

  // Idle workers look again about this many times per batch's run time (within the bounds): often
  // enough that a freed slot is refilled long before the device reaches it.
  private static final int LOOKS_PER_RUN = 4;
  private static final long MIN_LOOK_NANOS = 20_000;
  private static final long MAX_LOOK_NANOS = 1_000_000;

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
   * @param maxBytesInFlight bytes of prepared batches that may be in flight at once
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

  /** Two stages: {@code consume} runs the model and handles its output on the device thread. */
  public void run(List<List<Item>> batches, Prepare<P> prepare, Consume<P> consume)
      throws Exception {
    run(
        batches,
        prepare,
        (batch, prepared) -> {
          consume.accept(batch, prepared);
          return null;
        },
        (batch, prepared, done) -> {});
  }

  /**
   * Three stages: {@code infer} on the device threads (the calling thread with one consumer),
   * {@code prepare} and {@code finish} on the workers; returns once every batch is finished, or
   * throws the first failure of any stage.
   */
  public <R> void run(
      List<List<Item>> batches, Prepare<P> prepare, Infer<P, R> infer, Finish<P, R> finish)
      throws Exception {
    OneRun<R> run = new OneRun<>(batches, prepare, infer, finish);
    List<Thread> preparers = new ArrayList<>();
    ExecutorService devices =
        consumers == 1 ? null : Executors.newFixedThreadPool(consumers, r -> daemon(r, "infer"));
    try {
      startWorkers(run, preparers);
      run.consumeOn(devices);
      run.finishRemaining();
      peakBytesInFlight = run.bytes.peak();
    } finally {
      run.stop();
      preparers.forEach(LockSupport::unpark);
      if (devices != null) {
        devices.shutdownNow();
      }
    }
    run.rethrowFailure();
  }

  private void startWorkers(OneRun<?> run, List<Thread> started) {
    for (int w = 0; w < workers; w++) {
      Thread worker = daemon(run::work, "prepare");
      started.add(worker);
      worker.start();
    }
  }

  /** A batch the model has run, waiting for its finish. */
  private record Ran<P, R>(P prepared, R output) {}

  /** One {@link #run}: each batch's slots, the windows that bound what is in flight, the stages. */
  private final class OneRun<R> {
    private final List<List<Item>> batches;
    private final Prepare<P> prepare;
    private final Infer<P, R> infer;
    private final Finish<P, R> finish;
    private final int window = 2 * workers + consumers;
    private final ByteWindow bytes = new ByteWindow(maxBytesInFlight);
    private final AtomicLongArray weights;
    // Slots are emptied as soon as a stage is done with them: a prepared batch (direct buffers of
    // pixels) must not stay reachable until the task ends, or a real-size task holds them all.
    private final AtomicReferenceArray<CompletableFuture<P>> prepared;
    private final AtomicReferenceArray<Ran<P, R>> ran;
    private final AtomicInteger nextToRun = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger idle = new AtomicInteger();
    private final ReentrantLock finishing = new ReentrantLock();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private int nextToPrepare; // guarded by claim()
    private volatile boolean stopped;
    private volatile long lastRunNanos = MIN_LOOK_NANOS * LOOKS_PER_RUN;

    OneRun(List<List<Item>> batches, Prepare<P> prepare, Infer<P, R> infer, Finish<P, R> finish) {
      this.batches = batches;
      this.prepare = prepare;
      this.infer = infer;
      this.finish = finish;
      this.weights = new AtomicLongArray(batches.size());
      this.prepared = new AtomicReferenceArray<>(batches.size());
      this.ran = new AtomicReferenceArray<>(batches.size());
      for (int i = 0; i < batches.size(); i++) {
        prepared.set(i, new CompletableFuture<>());
      }
    }

    /** A worker: finishes what the devices ran, prepares the next batches, else looks later. */
    void work() {
      while (!stopped && failure.get() == null && finished.get() < batches.size()) {
        if (finishInOrder()) {
          continue;
        }
        int index = claim();
        if (index >= 0) {
          prepareInto(index);
        } else {
          LockSupport.parkNanos(this, lookAgainNanos(idle.incrementAndGet()));
          idle.decrementAndGet();
        }
      }
    }

    /**
     * How long an idle worker waits before looking again: about {@value #LOOKS_PER_RUN} looks per
     * run of a device among all idle workers together (many workers beside a fast GPU must not
     * spend a core looking).
     */
    private long lookAgainNanos(int idleWorkers) {
      long share = lastRunNanos * idleWorkers / (LOOKS_PER_RUN * consumers);
      return Math.max(MIN_LOOK_NANOS, Math.min(MAX_LOOK_NANOS, share));
    }

    /**
     * The next batch in plan order when the windows have room for it, its bytes reserved; else -1.
     * Taking batches in plan order means the batch a device waits for always gets prepared.
     */
    private synchronized int claim() {
      if (nextToPrepare >= batches.size() || nextToPrepare >= finished.get() + window) {
        return -1;
      }
      long reserved = bytes.tryReserve();
      if (reserved < 0) {
        return -1;
      }
      weights.set(nextToPrepare, reserved);
      return nextToPrepare++;
    }

    /** Prepares batch {@code index}, settling its reserved bytes to what it really holds. */
    private void prepareInto(int index) {
      CompletableFuture<P> slot = prepared.get(index);
      try {
        P p = prepare.apply(batches.get(index));
        long actual = bytesOf.applyAsLong(p);
        bytes.settle(weights.get(index), actual);
        weights.set(index, actual);
        slot.complete(p);
      } catch (Exception | Error e) {
        slot.completeExceptionally(e);
      }
    }

    /** Consumes on this thread, or on every device thread at once, until all have run. */
    void consumeOn(ExecutorService devices) throws Exception {
      if (devices == null) {
        runInOrder();
        return;
      }
      List<Future<Void>> running = new ArrayList<>();
      for (int c = 0; c < consumers; c++) {
        running.add(devices.submit(this::runInOrder));
      }
      for (Future<Void> future : running) {
        await(future);
      }
    }

    /**
     * A device thread: runs the next batch in plan order until none is left or a stage failed (the
     * first failure is what {@link #run} throws).
     */
    private Void runInOrder() {
      for (int i = nextToRun.getAndIncrement();
          i < batches.size() && failure.get() == null;
          i = nextToRun.getAndIncrement()) {
        try {
          runOne(i);
        } catch (Exception | Error e) {
          fail(e);
        }
      }
      return null;
    }

    private void runOne(int i) throws Exception {
      P ready = await(prepared.get(i));
      prepared.set(i, null); // completed, so the preparer is done with it
      long start = System.nanoTime();
      R output = infer.apply(batches.get(i), ready);
      lastRunNanos = System.nanoTime() - start;
      ran.set(i, new Ran<>(ready, output));
    }

    /** {@link #finishRan} unless another thread is finishing; false when nothing was finished. */
    private boolean finishInOrder() {
      if (!finishing.tryLock()) {
        return false;
      }
      try {
        return finishRan();
      } finally {
        finishing.unlock();
      }
    }

    /** Finishes, in plan order, every batch that has run up to the first that has not. */
    private boolean finishRan() {
      boolean any = false;
      try {
        for (int f = finished.get(); f < batches.size() && ran.get(f) != null; f++) {
          Ran<P, R> done = ran.getAndSet(f, null);
          try {
            finish.accept(batches.get(f), done.prepared(), done.output());
          } finally {
            bytes.release(weights.get(f));
            finished.incrementAndGet();
          }
          any = true;
        }
      } catch (Exception | Error e) {
        fail(e);
      }
      return any;
    }

    /**
     * After the devices are done, the calling thread finishes what the workers have not. After a
     * failure it still finishes every batch the model has run (a resumed run need not run them
     * again), then stops.
     */
    void finishRemaining() {
      while (finished.get() < batches.size()) {
        if (failure.get() != null) {
          finishing.lock();
          try {
            finishRan();
          } finally {
            finishing.unlock();
          }
          return;
        }
        if (!finishInOrder()) {
          LockSupport.parkNanos(this, MIN_LOOK_NANOS); // a worker is finishing the last ones
        }
      }
    }

    /**
     * Records the first failure and fails every batch not yet taken by a device, so that no device
     * waits for a batch the stopped workers will not prepare.
     */
    private void fail(Throwable e) {
      failure.compareAndSet(null, e);
      for (int i = 0; i < batches.size(); i++) {
        CompletableFuture<P> slot = prepared.get(i);
        if (slot != null) {
          slot.completeExceptionally(e);
        }
      }
    }

    void stop() {
      stopped = true;
    }

    /** The first failure of any stage. */
    void rethrowFailure() throws Exception {
      Throwable e = failure.get();
      if (e instanceof Exception exception) {
        throw exception;
      }
      if (e instanceof Error error) {
        throw error;
      }
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
