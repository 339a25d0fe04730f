package org.mmeb.eval.encode.onnx;

import org.mmeb.eval.encode.Prepared;

/**
 * A prepared batch for an ONNX model: text inputs for the rows in {@code textRows} (null when no
 * item needs the text side) and the pixel batch (null when no item needs pixels), in {@code
 * buffers} from the model's pool.
 */
record OnnxBatch(
    int size,
    int[] textRows,
    GraphInputs text,
    PixelBatch pixels,
    long decodeNanos,
    long preprocessNanos,
    BatchBuffers buffers)
    implements Prepared {

  @Override
  public void release() {
    buffers.release();
  }

  @Override
  public long bytes() {
    long bytes = 0;
    if (text != null) {
      bytes += 3L * text.ids().capacity() * Long.BYTES;
    }
    if (pixels != null) {
      bytes += (long) pixels.pixels().capacity() * Float.BYTES;
    }
    return bytes;
  }
}
