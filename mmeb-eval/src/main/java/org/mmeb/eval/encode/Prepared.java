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
}
