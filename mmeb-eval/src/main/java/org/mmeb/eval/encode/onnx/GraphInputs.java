package org.mmeb.eval.encode.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import org.mmeb.eval.encode.text.TokenBatch;

/**
 * A graph's inputs for one batch, in direct native-order buffers that ONNX Runtime reads without a
 * copy. Text fields are null for a vision graph and pixel fields null for a text graph.
 *
 * @param lengthBucket how long a text row would be if it were alone: its own token count rounded up
 *     to a multiple of this ({@code pad_to: longest}, with {@link TokenBuckets}' multiple), so a
 *     row may be cut back to that; 0 when the model expects every row padded to {@code max_length}
 */
record GraphInputs(
    TokenBatch tokens,
    LongBuffer ids,
    LongBuffer mask,
    LongBuffer typeIds,
    FloatBuffer pixels,
    long[] pixelShape,
    int lengthBucket) {

  /** Text inputs in {@code buffers} (from a pool, handed back with the batch). */
  static GraphInputs text(TokenBatch tokens, int lengthBucket, BatchBuffers buffers) {
    return new GraphInputs(
        tokens,
        buffers.longs(tokens.ids()),
        buffers.longs(tokens.mask()),
        buffers.zeros(tokens.ids().length),
        null,
        null,
        lengthBucket);
  }

  static GraphInputs text(TokenBatch tokens, int lengthBucket) {
    return new GraphInputs(
        tokens,
        direct(tokens.ids()),
        direct(tokens.mask()),
        direct(new long[tokens.ids().length]),
        null,
        null,
        lengthBucket);
  }

  static GraphInputs pixels(FloatBuffer pixels, long[] shape) {
    return new GraphInputs(null, null, null, null, pixels, shape, 0);
  }

  GraphInputs withPixels(FloatBuffer pixels, long[] shape) {
    return new GraphInputs(tokens, ids, mask, typeIds, pixels, shape, lengthBucket);
  }

  /**
   * How long a row would be padded if it were alone: its own token count rounded up to the bucket
   * (at most the batch's length), or the batch's length when every row is padded to max_length.
   */
  int ownLength(int row) {
    if (lengthBucket == 0) {
      return tokens.length();
    }
    int count = 0;
    for (int t = 0; t < tokens.length(); t++) {
      count += tokens.mask()[row * tokens.length() + t] != 0 ? 1 : 0;
    }
    int bucketed = (count + lengthBucket - 1) / lengthBucket * lengthBucket;
    return count == 0 ? tokens.length() : Math.min(tokens.length(), bucketed);
  }

  /**
   * A batch of the given rows (repeats allowed), text cut to {@code length} tokens from each row's
   * first real token (so right and left padding both keep the row's own tokens); in {@code buffers}
   * (handed back with the batch), or in new direct buffers when null.
   */
  GraphInputs select(int[] rows, int length, BatchBuffers buffers) {
    GraphInputs out =
        tokens == null
            ? pixels(null, null)
            : buffers == null
                ? text(cut(rows, length), lengthBucket)
                : text(cut(rows, length), lengthBucket, buffers);
    if (pixels == null) {
      return out;
    }
    int size = (int) (pixels.capacity() / pixelShape[0]);
    FloatBuffer chosen =
        buffers == null ? directFloats(rows.length * size) : buffers.floats(rows.length * size);
    for (int row : rows) {
      chosen.put(pixels.duplicate().clear().position(row * size).limit((row + 1) * size));
    }
    return out.withPixels(chosen.flip(), shapeWithRows(rows.length));
  }

  private TokenBatch cut(int[] rows, int length) {
    int full = tokens.length();
    long[] ids = new long[rows.length * length];
    long[] mask = new long[rows.length * length];
    for (int i = 0; i < rows.length; i++) {
      int start = rows[i] * full + firstToken(rows[i], length);
      System.arraycopy(tokens.ids(), start, ids, i * length, length);
      System.arraycopy(tokens.mask(), start, mask, i * length, length);
    }
    return new TokenBatch(ids, mask, rows.length, length);
  }

  private int firstToken(int row, int length) {
    for (int t = 0; t < tokens.length() - length; t++) {
      if (tokens.mask()[row * tokens.length() + t] != 0) {
        return t;
      }
    }
    return tokens.length() - length;
  }

  /** Bytes of the direct buffers: ids, mask and type ids, and pixels. */
  long bytes() {
    long bytes = ids == null ? 0 : 3L * ids.capacity() * Long.BYTES;
    return bytes + (pixels == null ? 0 : (long) pixels.capacity() * Float.BYTES);
  }

  /** Rows of the batch (text rows and pixel rows agree when a graph takes both). */
  int rows() {
    return tokens != null ? tokens.rows() : (int) pixelShape[0];
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive), sharing this batch's buffers. */
  GraphInputs rows(int from, int to) {
    int length = tokens == null ? 0 : tokens.length();
    return new GraphInputs(
        tokens == null ? null : tokenRows(from, to),
        slice(ids, from * length, to * length),
        slice(mask, from * length, to * length),
        slice(typeIds, from * length, to * length),
        pixels == null ? null : pixelRows(from, to),
        pixels == null ? null : shapeWithRows(to - from),
        lengthBucket);
  }

  private TokenBatch tokenRows(int from, int to) {
    int length = tokens.length();
    return new TokenBatch(
        Arrays.copyOfRange(tokens.ids(), from * length, to * length),
        Arrays.copyOfRange(tokens.mask(), from * length, to * length),
        to - from,
        length);
  }

  private FloatBuffer pixelRows(int from, int to) {
    int rowSize = (int) (pixelShape[1] * pixelShape[2] * pixelShape[3]);
    return pixels.duplicate().position(from * rowSize).limit(to * rowSize).slice();
  }

  private long[] shapeWithRows(int rows) {
    long[] shape = pixelShape.clone();
    shape[0] = rows;
    return shape;
  }

  /**
   * This batch with rows added up to {@code target}: a one-token row of {@code padId} (an empty
   * mask would make mean pooling divide by zero) and zero pixels. Their outputs are dropped.
   */
  GraphInputs padRows(int target, long padId) {
    if (target <= rows()) {
      return this;
    }
    GraphInputs padded = tokens == null ? this : text(paddedTokens(target, padId), lengthBucket);
    if (pixels == null) {
      return padded;
    }
    FloatBuffer more = directFloats((int) (pixels.capacity() / pixelShape[0] * target));
    more.put(pixels.duplicate().rewind()).rewind();
    return padded.withPixels(more, shapeWithRows(target));
  }

  private TokenBatch paddedTokens(int target, long padId) {
    int length = tokens.length();
    long[] ids = Arrays.copyOf(tokens.ids(), target * length);
    long[] mask = Arrays.copyOf(tokens.mask(), target * length);
    for (int r = tokens.rows(); r < target; r++) {
      Arrays.fill(ids, r * length, (r + 1) * length, padId);
      mask[r * length] = 1;
    }
    return new TokenBatch(ids, mask, target, length);
  }

  static FloatBuffer directFloats(int count) {
    return ByteBuffer.allocateDirect(count * Float.BYTES)
        .order(ByteOrder.nativeOrder())
        .asFloatBuffer();
  }

  private static LongBuffer slice(LongBuffer buffer, int from, int to) {
    return buffer == null ? null : buffer.duplicate().position(from).limit(to).slice();
  }

  private static LongBuffer direct(long[] values) {
    LongBuffer buffer =
        ByteBuffer.allocateDirect(values.length * Long.BYTES)
            .order(ByteOrder.nativeOrder())
            .asLongBuffer();
    buffer.put(values).flip();
    return buffer;
  }
}
