package org.mmeb.eval.encode;

/**
 * A batch after an encoder's CPU stage, ready for {@link StagedEncoder#infer}. It carries what the
 * CPU stage cost, so a pipeline can report decode and preprocessing time without timing inside the
 * encoder itself.
 */
public interface Prepared {
  /** Number of items in the batch. */
  int size();

  /** Time spent decoding image bytes (summed over the batch's images). */
  long decodeNanos();

  /** Time spent on tokenization and image preprocessing (resize, crop, normalise). */
  long preprocessNanos();

  /** Bytes held in the batch's model-ready (direct) buffers, which bound the batches in flight. */
  default long bytes() {
    return 0;
  }

  /**
   * Hands the batch's buffers back for reuse by later batches: call once the model has run it, when
   * nothing reads it any more (a batch run again later, as {@code bench encoding}'s model-alone
   * mode does, is not released). Without the call its buffers are left to the garbage collector.
   */
  default void release() {}
}
