package org.mmeb.eval.encode.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mmeb.eval.UserError;

/**
 * One ONNX graph on one device, checked against its {@link GraphSpec} when opened: every input the
 * spec names exists, every input the graph needs is named, the output exists.
 */
final class GraphSession implements AutoCloseable {
  private final OrtSession session;
  private final GraphSpec spec;
  private final Path file;
  private final String device;
  private final Set<String> outputs;
  private final OutOfMemorySplit split;
  private final Map<String, OnnxJavaType> inputTypes = new HashMap<>();

  private GraphSession(
      OrtSession session, GraphSpec spec, Path file, String device, PrintWriter warnings)
      throws OrtException {
    this.session = session;
    this.spec = spec;
    this.file = file;
    this.device = device;
    this.outputs = Set.of(spec.output());
    this.split = new OutOfMemorySplit(file.getFileName() + " on " + device, warnings);
    for (Map.Entry<String, NodeInfo> input : session.getInputInfo().entrySet()) {
      if (input.getValue().getInfo() instanceof TensorInfo info) {
        inputTypes.put(input.getKey(), info.type);
      }
    }
  }

  static GraphSession open(SessionFactory factory, Path file, GraphSpec spec, int device) {
    try {
      OrtSession session = factory.open(file, device, ShapeProfile.NONE);
      GraphContract.check(file, spec, session.getInputNames(), session.getOutputNames());
      return new GraphSession(session, spec, file, factory.deviceName(device), factory.warnings());
    } catch (OrtException e) {
      throw new UserError(file + ": ONNX Runtime cannot load the graph: " + e.getMessage(), e);
    }
  }

  /**
   * Runs the graph and returns one pooled vector per row; a batch too large for the device's memory
   * runs again in smaller parts. Any other ONNX Runtime error is one line naming graph and device.
   */
  float[][] run(GraphInputs in) {
    try {
      return split.run(in, this::runOnce);
    } catch (OrtException e) {
      throw new UserError(
          file
              + ": ONNX Runtime failed running the graph on "
              + device
              + ": "
              + OrtMessages.reason(e),
          e);
    }
  }

  /** The largest batch this graph runs at once (lowered after running out of device memory). */
  int rowLimit() {
    return split.rowLimit();
  }

  /** One run of the whole batch, fetching only the spec's output. */
  float[][] runOnce(GraphInputs in) throws OrtException {
    Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
    try {
      if (spec.inputIds() != null) {
        long[] shape = {in.tokens().rows(), in.tokens().length()};
        put(feeds, spec.inputIds(), in.ids(), shape);
        put(feeds, spec.attentionMask(), in.mask(), shape);
        put(feeds, spec.tokenTypeIds(), in.typeIds(), shape);
      }
      if (spec.pixelValues() != null) {
        feeds.put(
            spec.pixelValues(),
            OnnxTensor.createTensor(SessionFactory.ENV, in.pixels().duplicate(), in.pixelShape()));
      }
      try (OrtSession.Result result = session.run(feeds, outputs)) {
        OnnxTensor out = (OnnxTensor) result.get(spec.output()).orElseThrow();
        return pool(out, in);
      }
    } finally {
      feeds.values().forEach(OnnxTensor::close);
    }
  }

  private void put(Map<String, OnnxTensor> feeds, String name, LongBuffer values, long[] shape)
      throws OrtException {
    if (name == null) {
      return;
    }
    if (inputTypes.get(name) != OnnxJavaType.INT32) {
      feeds.put(name, OnnxTensor.createTensor(SessionFactory.ENV, values.duplicate(), shape));
      return;
    }
    IntBuffer ints =
        ByteBuffer.allocateDirect(values.capacity() * 4)
            .order(ByteOrder.nativeOrder())
            .asIntBuffer();
    for (int i = 0; i < values.capacity(); i++) {
      ints.put(i, Math.toIntExact(values.get(i)));
    }
    feeds.put(name, OnnxTensor.createTensor(SessionFactory.ENV, ints, shape));
  }

  private float[][] pool(OnnxTensor out, GraphInputs in) throws OrtException {
    long[] shape = out.getInfo().getShape();
    if (out.getInfo().type != OnnxJavaType.FLOAT) {
      throw new UserError(
          file
              + ": output '"
              + spec.output()
              + "' is "
              + out.getInfo().type
              + ", expected float32");
    }
    FloatBuffer buffer = out.getFloatBuffer();
    float[] flat = new float[buffer.remaining()];
    buffer.get(flat);
    int rows = (int) shape[0];
    if (spec.pooling() == Pooling.POOLED) {
      requireRank(shape, 2, "[batch, dim]");
      return split(flat, rows, (int) shape[1]);
    }
    requireRank(shape, 3, "[batch, tokens, dim]");
    float[][] pooled = new float[rows][];
    for (int r = 0; r < rows; r++) {
      long[] mask = spec.inputIds() != null ? in.tokens().maskOf(r) : null;
      pooled[r] = spec.pooling().pool(flat, r, (int) shape[1], (int) shape[2], mask);
    }
    return pooled;
  }

  private void requireRank(long[] shape, int rank, String expected) {
    if (shape.length != rank) {
      throw new UserError(
          String.format(
              "%s: output '%s' has shape %s; pooling '%s' expects %s",
              file,
              spec.output(),
              Arrays.toString(shape),
              spec.pooling().name().toLowerCase(Locale.ROOT),
              expected));
    }
  }

  private static float[][] split(float[] flat, int rows, int dim) {
    float[][] out = new float[rows][dim];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(flat, r * dim, out[r], 0, dim);
    }
    return out;
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
