package org.mmeb.eval.encode.onnx;

import java.util.List;
import org.mmeb.eval.data.PromptProfile;
import org.mmeb.eval.encode.StagedEncoder;

/**
 * What the dual-tower and single-graph encoders share: inputs, fingerprint, device, finishing, and
 * one set of sessions {@code S} per device.
 */
abstract class OnnxEncoder<S extends AutoCloseable> implements StagedEncoder {
  private final ModelInputs inputs;
  private final String fingerprint;
  private final String device;
  private final DevicePool<S> pool;

  OnnxEncoder(ModelInputs inputs, String fingerprint, DevicePlan plan, List<S> sessionsPerDevice) {
    this.inputs = inputs;
    this.fingerprint = fingerprint;
    this.device = plan.describe();
    this.pool = new DevicePool<>(sessionsPerDevice, plan.runsPerDevice());
  }

  /** Runs work on whichever device is free. */
  <R> R onFreeDevice(DevicePool.Work<S, R> work) throws Exception {
    return pool.with(work);
  }

  /** The first device's sessions, to make a batch's input tensors while it is prepared. */
  S anyDevice() {
    return pool.first();
  }

  @Override
  public int devices() {
    return pool.slots();
  }

  ModelInputs inputs() {
    return inputs;
  }

  @Override
  public PromptProfile promptProfile() {
    return PromptProfile.named(spec().promptProfile());
  }

  ModelSpec spec() {
    return inputs.spec();
  }

  String name() {
    return spec().name() == null ? "the model" : "model '" + spec().name() + "'";
  }

  /** Applies the spec's normalisation to the fused vectors. */
  float[][] normalized(float[][] vectors) {
    if (spec().normalize()) {
      for (float[] v : vectors) {
        Embeddings.normalizeInPlace(v);
      }
    }
    return vectors;
  }

  @Override
  public boolean batchDependent() {
    return spec().dependsOnBatch();
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
    pool.close();
    inputs.close();
  }
}
