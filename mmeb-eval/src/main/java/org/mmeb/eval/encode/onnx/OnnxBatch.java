package org.mmeb.eval.encode.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.mmeb.eval.encode.Prepared;

/**
 * A prepared batch for an ONNX model: text inputs for the rows in {@code textRows} (null when no
 * item needs the text side) and the pixel batch (null when no item needs pixels), in {@code
 * buffers} from the model's pool; {@code runs}: how each graph of the encoder runs them (in the
 * encoder's order, null for a graph the batch does not need), planned by the encoder's {@link
 * #withRuns}; {@code outputs}: each graph's raw output rows, kept by the encoder's {@code run} for
 * its {@code finish} (on another thread).
 */
record OnnxBatch(
    int size,
    int[] textRows,
    GraphInputs text,
    PixelBatch pixels,
    long decodeNanos,
    long preprocessNanos,
    BatchBuffers buffers,
    List<RowGroups> runs,
    AtomicReference<float[][][]> outputs)
    implements Prepared {

  /**
   * This batch with each graph's inputs grouped for running ({@link RowGroups#of}) and their
   * tensors made for {@code graphs} (the sessions of any device: tensors are not tied to one).
   */
  OnnxBatch withRuns(List<GraphSession> graphs, GraphInputs... inputs) {
    List<RowGroups> planned = new ArrayList<>();
    for (int g = 0; g < inputs.length; g++) {
      planned.add(inputs[g] == null ? null : RowGroups.of(inputs[g], buffers).fed(graphs.get(g)));
    }
    return new OnnxBatch(
        size, textRows, text, pixels, decodeNanos, preprocessNanos, buffers, planned, outputs);
  }

  /** Closes the tensors made beforehand, then hands the buffers under them back. */
  @Override
  public void release() {
    for (RowGroups graph : runs) {
      if (graph != null) {
        graph.close();
      }
    }
    buffers.release();
  }

  @Override
  public long bytes() {
    long bytes = text == null ? 0 : text.bytes();
    if (pixels != null) {
      bytes += (long) pixels.pixels().capacity() * Float.BYTES;
    }
    for (RowGroups graph : runs) {
      bytes += graph == null ? 0 : graph.copiedBytes();
    }
    return bytes;
  }
}
