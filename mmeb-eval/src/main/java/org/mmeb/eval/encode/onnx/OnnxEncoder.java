package org.mmeb.eval.encode.onnx;

import org.mmeb.eval.encode.StagedEncoder;

/** What the dual-tower and single-graph encoders share: inputs, fingerprint, device, finishing. */
abstract class OnnxEncoder implements StagedEncoder {
  private final ModelInputs inputs;
  private final String fingerprint;
  private final String device;

  OnnxEncoder(ModelInputs inputs, String fingerprint, String device) {
    this.inputs = inputs;
    this.fingerprint = fingerprint;
    this.device = device;
  }

  ModelInputs inputs() {
    return inputs;
  }

  ModelSpec spec() {
    return inputs.spec();
  }

  String name() {
    return spec().name() == null ? "the model" : "model '" + spec().name() + "'";
  }

  /** Applies the spec's normalisation to the fused vectors. */
  float[][] finish(float[][] vectors) {
    if (spec().normalize()) {
      for (float[] v : vectors) {
        Embeddings.normalizeInPlace(v);
      }
    }
    return vectors;
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public String device() {
    return device;
  }

  @Override
  public void close() throws Exception {
    inputs.close();
  }
}
