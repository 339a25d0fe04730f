package org.mmeb.eval.encode.onnx;

import java.util.Arrays;
import org.mmeb.eval.encode.text.TokenBatch;
import org.mmeb.eval.encode.text.TokenizerSpec;

/**
 * Rounds a batch's token length up to a multiple (8 on GPU), so that length-sorted batches come in
 * a handful of shapes: cuDNN and TensorRT choose kernels per input shape, and a new shape for
 * almost every batch means choosing again almost every batch. Only for graphs that take an
 * attention mask (the extra positions are masked out) and batches padded to their longest row.
 */
final class TokenBuckets {
  private TokenBuckets() {}

  /** Whether bucketing leaves the embeddings unchanged for this graph and tokenizer. */
  static boolean applies(GraphSpec graph, TokenizerSpec tokenizer) {
    return graph != null
        && graph.attentionMask() != null
        && tokenizer.padTo() == TokenizerSpec.PadTo.LONGEST;
  }

  /** {@code batch} padded to a multiple of {@code multiple} tokens, at most {@code maxLength}. */
  static TokenBatch roundUp(TokenBatch batch, int multiple, TokenizerSpec tokenizer) {
    int length = batch.length();
    int target = Math.min(tokenizer.maxLength(), (length + multiple - 1) / multiple * multiple);
    if (multiple <= 1 || target <= length) {
      return batch;
    }
    return padded(batch, target, tokenizer);
  }

  /** Each row padded on the tokenizer's side to {@code target} tokens. */
  private static TokenBatch padded(TokenBatch batch, int target, TokenizerSpec tokenizer) {
    int length = batch.length();
    long[] ids = new long[batch.rows() * target];
    long[] mask = new long[batch.rows() * target];
    Arrays.fill(ids, tokenizer.padId());
    int shift = tokenizer.padSide() == TokenizerSpec.Side.LEFT ? target - length : 0;
    for (int r = 0; r < batch.rows(); r++) {
      System.arraycopy(batch.ids(), r * length, ids, r * target + shift, length);
      System.arraycopy(batch.mask(), r * length, mask, r * target + shift, length);
    }
    return new TokenBatch(ids, mask, batch.rows(), target);
  }
}
