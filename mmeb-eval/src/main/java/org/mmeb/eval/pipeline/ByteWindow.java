package org.mmeb.eval.pipeline;

/**
 * Bounds the bytes of prepared batches that wait for the model (their direct buffers), rather than
 * their number: a batch of 32 eight-frame videos at 224² is 154 MB, a batch of short texts a few
 * KB. A batch's size is known only once it is prepared, so each new batch reserves the largest size
 * seen so far and settles the difference when prepared; until the first batch is prepared nothing
 * else starts. A batch always starts when nothing else is in flight, so a single batch larger than
 * the budget still runs.
 */
final class ByteWindow {
  private final long budget;
  private long inFlight;
  private int batches;
  private long largest;
  private boolean sized;
  private long peak;

  /**
   * A quarter of the JVM's heap limit, which is also its default direct-memory limit (-Xmx4g gives
   * 1 GB of prepared batches in flight): room for the batches the devices need next, and for the
   * vectors and the cache.
   */
  static long defaultBudget() {
    return Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);
  }

  ByteWindow(long budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("the in-flight budget must be >= 1 byte, got " + budget);
    }
    this.budget = budget;
  }

  /** The bytes reserved for another batch, or -1 when it does not fit yet (nothing reserved). */
  synchronized long tryReserve() {
    if (batches > 0 && (!sized || inFlight + largest > budget)) {
      return -1;
    }
    batches++;
    inFlight += largest;
    peak = Math.max(peak, inFlight);
    return largest;
  }

  /** A batch is prepared: replace its reservation by its real size. */
  synchronized void settle(long reserved, long actual) {
    inFlight += actual - reserved;
    largest = Math.max(largest, actual);
    sized = true;
    peak = Math.max(peak, inFlight);
  }

  /** A batch was consumed (or failed): its bytes are free. */
  synchronized void release(long bytes) {
    inFlight -= bytes;
    batches--;
  }

  /** The most bytes that were in flight at once. */
  synchronized long peak() {
    return peak;
  }
}
