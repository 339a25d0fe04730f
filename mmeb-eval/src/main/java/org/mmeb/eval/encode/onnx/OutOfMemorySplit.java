package org.mmeb.eval.encode.onnx;

import ai.onnxruntime.OrtException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.mmeb.eval.UserError;

/**
 * Runs a batch and, when the device runs out of memory, runs it again in halves (recursively), then
 * keeps later batches of that graph below the size that failed, so one oversized batch costs one
 * failed run rather than one per batch. A single row that does not fit is an error.
 */
final class OutOfMemorySplit {
  /** One run of the graph on a batch. */
  @FunctionalInterface
  interface Run {
    float[][] apply(GraphInputs in) throws OrtException;
  }

  private final String where;
  private final PrintWriter warnings;
  private final AtomicInteger rowLimit;
  private final AtomicBoolean warned = new AtomicBoolean();

  OutOfMemorySplit(String where, PrintWriter warnings) {
    this(where, warnings, Integer.MAX_VALUE);
  }

  /**
   * @param maxRows rows run at once even before any out-of-memory error
   */
  OutOfMemorySplit(String where, PrintWriter warnings, int maxRows) {
    this.where = where;
    this.warnings = warnings;
    this.rowLimit = new AtomicInteger(maxRows);
  }

  /** The largest batch (rows) run at once since the last out-of-memory error. */
  int rowLimit() {
    return rowLimit.get();
  }

  float[][] run(GraphInputs in, Run run) throws OrtException {
    int rows = in.rows();
    if (rows > rowLimit.get()) {
      return inChunks(in, run, rowLimit.get());
    }
    try {
      return run.apply(in);
    } catch (OrtException e) {
      if (!OrtMessages.isOutOfMemory(e)) {
        throw e;
      }
      return inChunks(in, run, halvedLimit(rows, e));
    }
  }

  /**
   * After running out of memory on {@code rows} rows: half as many from now on (warned once), or
   * one line when a single row does not fit.
   */
  private int halvedLimit(int rows, OrtException e) {
    if (rows == 1) {
      throw new UserError(
          where
              + ": out of GPU memory on a single item ("
              + OrtMessages.reason(e)
              + "); raise --gpu-mem-limit, free the GPU or use a smaller model",
          e);
    }
    int limit = rowLimit.accumulateAndGet(Math.max(1, rows / 2), Math::min);
    if (warned.compareAndSet(false, true)) {
      warn(rows, limit);
    }
    return limit;
  }

  private void warn(int rows, int limit) {
    warnings.println(
        "warning: "
            + where
            + ": out of GPU memory on a batch of "
            + rows
            + " rows; running at most "
            + limit
            + " rows at once from now on");
    warnings.flush();
  }

  private float[][] inChunks(GraphInputs in, Run run, int chunk) throws OrtException {
    float[][] out = new float[in.rows()][];
    for (int from = 0; from < in.rows(); from += chunk) {
      int to = Math.min(in.rows(), from + chunk);
      float[][] part = run(in.rows(from, to), run);
      System.arraycopy(part, 0, out, from, part.length);
    }
    if (Arrays.stream(out).anyMatch(v -> v == null)) {
      throw new IllegalStateException(where + ": a split batch lost rows");
    }
    return out;
  }
}
