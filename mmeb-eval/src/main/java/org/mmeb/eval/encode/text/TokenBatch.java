package org.mmeb.eval.encode.text;

/**
 * A padded batch of token ids and attention masks, row-major: {@code ids[row * length + t]}.
 *
 * @param length tokens per row after padding
 */
public record TokenBatch(long[] ids, long[] mask, int rows, int length) {

  /** The attention mask of one row (for pooling). */
  public long[] maskOf(int row) {
    long[] out = new long[length];
    System.arraycopy(mask, row * length, out, 0, length);
    return out;
  }
}
