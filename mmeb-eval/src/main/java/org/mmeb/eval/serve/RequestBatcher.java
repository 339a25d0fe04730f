package org.mmeb.eval.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.images.EmbeddedImageStore;
import org.mmeb.eval.encode.Encoder;

/**
 * Runs the encoder on one thread over whatever requests are waiting: the requests that arrived
 * while the model ran the previous batch are encoded together, up to {@code maxItems} items (a
 * request larger than that goes alone). If a shared batch fails, its requests are retried one by
 * one, so a bad image fails only the request that sent it.
 */
final class RequestBatcher implements AutoCloseable {
  private record Pending(EmbeddingRequest request, CompletableFuture<float[][]> result) {}

  private final Encoder encoder;
  private final int maxItems;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread worker;

  RequestBatcher(Encoder encoder, int maxItems) {
    this.encoder = encoder;
    this.maxItems = Math.max(1, maxItems);
    this.worker = new Thread(this::loop, "serve-encoder");
    worker.setDaemon(true);
    worker.start();
  }

  /** One embedding per item of the request, in its order, once its batch has run. */
  CompletableFuture<float[][]> submit(EmbeddingRequest request) {
    CompletableFuture<float[][]> result = new CompletableFuture<>();
    queue.add(new Pending(request, result));
    return result;
  }

  /** Requests waiting for the model (not counting the batch it is running). */
  int waiting() {
    return queue.size();
  }

  private void loop() {
    try {
      while (true) {
        List<Pending> batch = nextBatch();
        if (!encodeTogether(batch)) {
          batch.forEach(pending -> encodeTogether(List.of(pending)));
        }
      }
    } catch (InterruptedException e) {
      queue.forEach(pending -> pending.result().cancel(false));
    }
  }

  private List<Pending> nextBatch() throws InterruptedException {
    List<Pending> batch = new ArrayList<>();
    batch.add(queue.take());
    int items = batch.get(0).request().size();
    for (Pending next = queue.peek();
        next != null && items + next.request().size() <= maxItems;
        next = queue.peek()) {
      batch.add(queue.poll());
      items += next.request().size();
    }
    return batch;
  }

  /** Encodes the requests as one batch; false when it failed and there was more than one. */
  private boolean encodeTogether(List<Pending> batch) {
    float[][] vectors;
    try {
      vectors = encodeAll(batch);
    } catch (Exception | Error e) {
      if (batch.size() > 1) {
        return false;
      }
      batch.get(0).result().completeExceptionally(e);
      return true;
    }
    completeEach(batch, vectors);
    return true;
  }

  /** The batch's items in one call of the encoder, with every request's images. */
  private float[][] encodeAll(List<Pending> batch) throws Exception {
    List<Item> items = new ArrayList<>();
    Map<String, byte[]> images = new HashMap<>();
    for (Pending pending : batch) {
      items.addAll(pending.request().items());
      images.putAll(pending.request().images());
    }
    return encoder.encode(items, new EmbeddedImageStore(images, "the request's images"));
  }

  /** Hands each request its own rows of the batch's vectors, in order. */
  private static void completeEach(List<Pending> batch, float[][] vectors) {
    int next = 0;
    for (Pending pending : batch) {
      float[][] own = new float[pending.request().size()][];
      System.arraycopy(vectors, next, own, 0, own.length);
      next += own.length;
      pending.result().complete(own);
    }
  }

  @Override
  public void close() throws InterruptedException {
    worker.interrupt();
    worker.join();
  }
}
