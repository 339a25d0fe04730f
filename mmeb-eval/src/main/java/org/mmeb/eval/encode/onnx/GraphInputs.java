package org.mmeb.eval.encode.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import org.mmeb.eval.encode.text.TokenBatch;

/**
 * A graph's inputs for one batch, in direct native-order buffers that ONNX Runtime reads without a
 * copy. Text fields are null for a vision graph and pixel fields null for a text graph.
 */
record GraphInputs(
    TokenBatch tokens,
    LongBuffer ids,
    LongBuffer mask,
    LongBuffer typeIds,
    FloatBuffer pixels,
    long[] pixelShape) {

  static GraphInputs text(TokenBatch tokens) {
    return new GraphInputs(
        tokens,
        direct(tokens.ids()),
        direct(tokens.mask()),
        direct(new long[tokens.ids().length]),
        null,
        null);
  }

  static GraphInputs pixels(FloatBuffer pixels, long[] shape) {
    return new GraphInputs(null, null, null, null, pixels, shape);
  }

  GraphInputs withPixels(FloatBuffer pixels, long[] shape) {
    return new GraphInputs(tokens, ids, mask, typeIds, pixels, shape);
  }

  static FloatBuffer directFloats(int count) {
    return ByteBuffer.allocateDirect(count * Float.BYTES)
        .order(ByteOrder.nativeOrder())
        .asFloatBuffer();
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
