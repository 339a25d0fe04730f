package org.mmeb.eval.encode;

import java.util.List;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;

/**
 * An encoder split into a CPU stage and a model stage, so a pipeline can tokenize, decode and
 * preprocess the next batches on worker threads while the model runs the current one.
 *
 * <p>{@link #prepare} is thread-safe and touches no model state; {@link #infer} runs the model
 * ({@link #run}) and turns its outputs into embeddings ({@link #finish}). {@code encode(items,
 * images)} is exactly {@code infer(prepare(items, images))}, then {@link Prepared#release}.
 */
public interface StagedEncoder extends Encoder {
  /** Tokenizes, decodes and preprocesses a batch into model-ready buffers; thread-safe. */
  Prepared prepare(List<Item> items, ImageStore images) throws Exception;

  /** Runs the model on a prepared batch: one embedding per item, in the batch's order. */
  default float[][] infer(Prepared prepared) throws Exception {
    run(prepared);
    return finish(prepared);
  }

  /**
   * The model alone, for a device thread: runs the model on a prepared batch and keeps its raw
   * outputs in the batch; what is left (fusing towers, normalising) is {@link #finish}'s, on
   * another thread, so that the device thread feeds the device and nothing else.
   */
  void run(Prepared prepared) throws Exception;

  /** After {@link #run}: the batch's embeddings from the model's raw outputs; thread-safe. */
  float[][] finish(Prepared prepared);

  /** How many {@link #infer} calls can usefully run at once: two per GPU, one on CPU. */
  default int devices() {
    return 1;
  }

  @Override
  default float[][] encode(List<Item> items, ImageStore images) throws Exception {
    Prepared prepared = prepare(items, images);
    try {
      return infer(prepared);
    } finally {
      prepared.release();
    }
  }
}
