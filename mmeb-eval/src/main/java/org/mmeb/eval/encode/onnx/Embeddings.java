package org.mmeb.eval.encode.onnx;

/** Vector arithmetic for fusing tower outputs. */
final class Embeddings {
  private Embeddings() {}

  /** Adds {@code scale * v} into {@code sum}, allocating it on first use. */
  static float[] addScaled(float[] sum, float[] v, float scale) {
    float[] out = sum == null ? new float[v.length] : sum;
    if (out.length != v.length) {
      throw new IllegalStateException(
          "text and image features differ in size: " + out.length + " vs " + v.length);
    }
    for (int i = 0; i < v.length; i++) {
      out[i] += scale * v[i];
    }
    return out;
  }

  static void normalizeInPlace(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += (double) x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (v[i] / norm);
      }
    }
  }
}
