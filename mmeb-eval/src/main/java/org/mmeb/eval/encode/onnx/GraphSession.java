package org.mmeb.eval.encode.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
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
  private final Map<String, OnnxJavaType> inputTypes;
  private final int batchRows;
  private final int pooledDim;
  private final long padId;
  // the [batch, dim] output buffers, reused from run to run (a few per device thread)
  private final DirectBufferPool outputBuffers = new DirectBufferPool(4L << 20);

  private GraphSession(
      OrtSession session,
      GraphSpec spec,
      Path file,
      Map<String, OnnxJavaType> inputTypes,
      SessionFactory factory,
      int device,
      ModelSpec model,
      int pooledDim) {
    this.session = session;
    this.pooledDim = pooledDim;
    this.inputTypes = inputTypes;
    this.batchRows = factory.settings().batchRows();
    this.padId = model != null && model.tokenizer() != null ? model.tokenizer().padId() : 0;
    this.spec = spec;
    this.file = file;
    this.device = factory.deviceName(device);
    this.outputs = Set.of(spec.output());
    this.split = outOfMemorySplit(file, factory, this.device);
  }

  private static OutOfMemorySplit outOfMemorySplit(
      Path file, SessionFactory factory, String device) {
    // TensorRT only runs shapes inside its profile: larger batches go in parts from the start
    int maxRows =
        factory.plan().provider() == DevicePlan.Provider.TENSORRT
            ? ShapeProfile.MAX_ROWS
            : Integer.MAX_VALUE;
    return new OutOfMemorySplit(file.getFileName() + " on " + device, factory.warnings(), maxRows);
  }

  static GraphSession open(SessionFactory factory, Path file, GraphSpec spec, int device) {
    return open(factory, file, spec, null, device);
  }

  /**
   * Opens {@code file} on the factory's {@code device}-th device; {@code model} (may be null) gives
   * the TensorRT shape profile and the pad id of padding rows.
   */
  static GraphSession open(
      SessionFactory factory, Path file, GraphSpec spec, ModelSpec model, int device) {
    OrtSession session = null;
    try {
      ShapeProfile profile = model == null ? ShapeProfile.NONE : ShapeProfile.of(spec, model);
      session = factory.open(file, device, profile);
      Map<String, OnnxJavaType> inputTypes = GraphContract.check(file, spec, session);
      return new GraphSession(
          session, spec, file, inputTypes, factory, device, model, pooledDim(session, spec));
    } catch (OrtException | RuntimeException e) {
      closeQuietly(session);
      throw e instanceof RuntimeException runtime ? runtime : cannotLoad(file, e);
    }
  }

  private static UserError cannotLoad(Path file, Exception e) {
    return new UserError(file + ": ONNX Runtime cannot load the graph: " + e.getMessage(), e);
  }

  /**
   * Runs the graph: one pooled vector per row, independent of the other rows ({@link RowGroups}).
   */
  float[][] run(GraphInputs in) {
    return run(RowGroups.of(in, null));
  }

  /** Runs a batch grouped beforehand ({@link RowGroups#of}). */
  float[][] run(RowGroups groups) {
    if (groups.whole()) {
      return runRows(groups.groups().get(0));
    }
    float[][] out = new float[groups.rows()][];
    for (RowGroups.Group group : groups.groups()) {
      float[][] vectors = runRows(group);
      for (int i = 0; i < group.rows().length; i++) {
        out[group.rows()[i]] = vectors[i];
      }
    }
    return out;
  }

  /**
   * Runs a batch; one too large for the device's memory runs again in smaller parts. Any other ONNX
   * Runtime error is one line naming graph and device.
   */
  private float[][] runRows(RowGroups.Group group) {
    GraphInputs planned = group.inputs();
    try {
      // the tensors made beforehand serve only the batch as planned, not its parts or padding
      return split.run(planned, in -> runPadded(in, in == planned ? group.feeds() : null));
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

  /**
   * With {@code batchRows}, the run sees its rows padded to a multiple of it; {@code feeds}: {@code
   * in}'s tensors made beforehand, or null.
   */
  private float[][] runPadded(GraphInputs in, GraphFeeds feeds) throws OrtException {
    if (!needsPadding(in)) {
      return feeds != null ? runFed(feeds, in) : runOnce(in);
    }
    int target = (in.rows() + batchRows - 1) / batchRows * batchRows;
    return Arrays.copyOf(runOnce(in.padRows(target, padId)), in.rows());
  }

  private boolean needsPadding(GraphInputs in) {
    return batchRows > 0 && in.rows() % batchRows != 0;
  }

  /** One run of the whole batch, fetching only the spec's output. */
  float[][] runOnce(GraphInputs in) throws OrtException {
    try (GraphFeeds feeds = feedsFor(in)) {
      return runFed(feeds, in);
    }
  }

  private float[][] runFed(GraphFeeds feeds, GraphInputs in) throws OrtException {
    if (pooledDim > 0) {
      return runIntoBuffer(feeds, in.rows());
    }
    try (OrtSession.Result result = session.run(feeds.tensors(), outputs)) {
      OnnxTensor out = (OnnxTensor) result.get(spec.output()).orElseThrow();
      return pool(out, in);
    }
  }

  /** The tensors of {@code in} as this graph takes them (the caller closes them). */
  GraphFeeds feedsFor(GraphInputs in) throws OrtException {
    GraphFeeds feeds = new GraphFeeds(inputTypes);
    try {
      feed(feeds, in);
      return feeds;
    } catch (OrtException | RuntimeException e) {
      feeds.close();
      throw e;
    }
  }

  /**
   * {@link #feedsFor}, made while the batch is prepared, for a batch that will run as it is (no
   * padding rows, within the rows run at once); else, or when ONNX Runtime refuses (the device
   * thread then makes them and reports the error as before), null.
   */
  GraphFeeds plannedFeeds(GraphInputs in) {
    if (needsPadding(in) || in.rows() > split.rowLimit()) {
      return null;
    }
    try {
      return feedsFor(in);
    } catch (OrtException | RuntimeException e) {
      return null;
    }
  }

  /** The inputs the spec names, as tensors over the batch's buffers. */
  private void feed(GraphFeeds feeds, GraphInputs in) throws OrtException {
    if (spec.inputIds() != null) {
      long[] shape = {in.tokens().rows(), in.tokens().length()};
      feeds.putIds(spec.inputIds(), in.ids(), shape);
      feeds.putIds(spec.attentionMask(), in.mask(), shape);
      feeds.putIds(spec.tokenTypeIds(), in.typeIds(), shape);
    }
    if (spec.pixelValues() != null) {
      feeds.putPixels(spec.pixelValues(), in.pixels(), in.pixelShape());
    }
  }

  /**
   * A [batch, dim] float32 output written by ONNX Runtime straight into a direct buffer of ours
   * (from the device, one copy), then split into rows: no intermediate tensor copies.
   */
  private float[][] runIntoBuffer(GraphFeeds feeds, int rows) throws OrtException {
    ByteBuffer block = outputBuffers.take(rows * pooledDim * Float.BYTES);
    try {
      FloatBuffer buffer = block.slice().order(block.order()).asFloatBuffer();
      runInto(feeds, buffer, rows);
      float[][] out = new float[rows][pooledDim];
      for (int r = 0; r < rows; r++) {
        buffer.get(r * pooledDim, out[r]);
      }
      return out;
    } finally {
      outputBuffers.give(block); // the tensor over it is closed: nothing writes it any more
    }
  }

  private void runInto(GraphFeeds feeds, FloatBuffer buffer, int rows) throws OrtException {
    try (OnnxTensor pinned =
            OnnxTensor.createTensor(SessionFactory.ENV, buffer, new long[] {rows, pooledDim});
        OrtSession.Result result = session.run(feeds.tensors(), Map.of(spec.output(), pinned))) {
      // ONNX Runtime wrote the output into the buffer
    }
  }

  /** Whether rows can be preallocated: the dim of a pooled float32 [batch, dim] output, else -1. */
  private static int pooledDim(OrtSession session, GraphSpec spec) throws OrtException {
    if (spec.pooling() != Pooling.POOLED
        || !(session.getOutputInfo().get(spec.output()).getInfo() instanceof TensorInfo info)
        || info.type != OnnxJavaType.FLOAT) {
      return -1;
    }
    long[] shape = info.getShape();
    return shape.length == 2 && shape[1] > 0 ? (int) shape[1] : -1;
  }

  /** The output dim preallocated per row, or -1 when the output is read from ONNX Runtime. */
  int preallocatedDim() {
    return pooledDim;
  }

  private float[][] pool(OnnxTensor out, GraphInputs in) throws OrtException {
    long[] shape = out.getInfo().getShape();
    // float16 and bfloat16 outputs (checked when the graph opened) come back widened to float32
    FloatBuffer buffer = out.getFloatBuffer();
    float[] flat = new float[buffer.remaining()];
    buffer.get(flat);
    if (spec.pooling() == Pooling.POOLED) {
      requireRank(shape, 2, "[batch, dim]");
      return split(flat, (int) shape[0], (int) shape[1]);
    }
    requireRank(shape, 3, "[batch, tokens, dim]");
    return poolTokens(flat, shape, in);
  }

  /** Pools a [batch, tokens, dim] output row by row, over each row's own mask. */
  private float[][] poolTokens(float[] flat, long[] shape, GraphInputs in) {
    float[][] pooled = new float[(int) shape[0]][];
    for (int r = 0; r < pooled.length; r++) {
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

  private static void closeQuietly(OrtSession session) {
    if (session != null) {
      try {
        session.close();
      } catch (OrtException e) {
        // the error being reported matters more
      }
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
