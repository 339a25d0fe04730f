package org.mmeb.eval.encode;

import java.util.List;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.PromptProfile;

/**
 * Items in, one embedding per item out (same order). Implementations are ONNX, HTTP, precomputed.
 */
public interface Encoder extends AutoCloseable {
  float[][] encode(List<Item> items, ImageStore images) throws Exception;

  /** Model bytes hash + preprocessing config: keys the embedding cache and goes into provenance. */
  String fingerprint();

  /** Whose texts the model expects (a model spec's {@code prompt_profile}); MMEB's by default. */
  default PromptProfile promptProfile() {
    return PromptProfile.MMEB;
  }

  /**
   * True when an item's vector depends on the other items of its batch (VLM2Vec's V1 baseline
   * rules); the embedding cache then keys vectors by the batch size as well.
   */
  default boolean batchDependent() {
    return false;
  }

  /** Where the encoder runs (e.g. "cuda:0", "cpu"), for provenance. */
  String device();

  @Override
  default void close() throws Exception {}
}
