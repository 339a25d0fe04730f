package org.mmeb.eval.encode.onnx;

/**
 * TensorRT optimisation profile of one graph: the smallest, typical and largest shape of each
 * dynamic input, in TensorRT's option syntax ({@code input_ids:1x8,attention_mask:1x8}). Without a
 * profile TensorRT builds an engine for the first shape it sees and rebuilds for every larger one.
 */
record ShapeProfile(String min, String opt, String max) {
  static final ShapeProfile NONE = new ShapeProfile("", "", "");

  boolean isEmpty() {
    return min.isEmpty();
  }
}
