package org.mmeb.eval.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;

/**
 * Runs a two-stage batch job: {@code prepare} (decode, preprocess, tokenize) on worker threads,
 * {@code infer} on the calling thread, batches consumed in plan order. At most {@code 2 × workers}
 * prepared batches wait at any time, so memory stays bounded while the session is kept busy.
 */
public final class PipelinedBatches<P> {
  /** The CPU-side stage; runs concurrently on worker threads. */
  @FunctionalInterface
  public interface Prepare<P> {
    P apply(List<Item> batch) throws Exception;
  }

  /** The session stage plus what to do with its output; runs on the calling thread, in order. */
  @FunctionalInterface
  public interface Consume<P> {
    void accept(List<Item> batch, P prepared) throws Exception;
  }

  private final int workers;

  public PipelinedBatches(int workers) {
    this.workers = Math.max(1, workers);
  }

  public void run(List<List<Item>> batches, Prepare<P> prepare, Consume<P> consume)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers, PipelinedBatches::daemon);
    try {
      Deque<Future<P>> inFlight = new ArrayDeque<>();
      int next = 0;
      for (int done = 0; done < batches.size(); done++) {
        while (next < batches.size() && inFlight.size() < 2 * workers) {
          List<Item> batch = batches.get(next++);
          inFlight.add(pool.submit(() -> prepare.apply(batch)));
        }
        consume.accept(batches.get(done), await(inFlight.removeFirst()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <P> P await(Future<P> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UserError userError) {
        throw userError;
      }
      throw cause instanceof Exception exception ? exception : e;
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "mmeb-prepare");
    t.setDaemon(true);
    return t;
  }
}
