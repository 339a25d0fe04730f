package org.mmeb.eval.score;

import static org.mmeb.eval.score.BroadcastKernel.FEW_ROWS;
import static org.mmeb.eval.score.BroadcastKernel.LANES;
import static org.mmeb.eval.score.BroadcastKernel.MANY_ROWS;
import static org.mmeb.eval.score.BroadcastKernel.S;
import static org.mmeb.eval.score.BroadcastKernel.WIDTH;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * {@link FloatDots} in SIMD lanes (the JDK's Vector API, the widest species this CPU has). Many
 * queries: candidates packed into {@link CandidatePanels}, then the {@link BroadcastKernel} over
 * depth slices of {@link #DEPTH} dimensions (a slice of one panel, 32 KB with 16 lanes, stays in
 * the L1 cache while every group of queries passes over it); each slice's sums are added to the
 * output. One query: dot products four candidates at a time, with a lane reduction per pair. Loaded
 * by name from {@link FloatDots} only when the {@code jdk.incubator.vector} module is present.
 *
 * <p>The only lane-wise operation here is {@code fma} (an {@code add} is written {@code fma(1,
 * ..)}, a lane sum is summed from an array): every operation goes through {@code
 * VectorOperators.opCode}, whose profile all callers in the JVM share. With two kinds of operator
 * there ({@code add} or {@code reduceLanes(ADD)} next to {@code fma}) it gathers class-check traps,
 * which C2 adds up once per inlined copy (28 in {@link BroadcastKernel#fourteenRows}); past {@code
 * PerMethodTrapLimit} (100) it compiled the kernel's last stores as calls on boxed vectors, and in
 * about one JVM in ten (one in two with {@code -XX:-TieredCompilation}) the whole kernel ran 6-40x
 * slower.
 */
final class VectorFloatDots extends FloatDots {
  /** Dimensions per depth slice; measured on AVX-512 (64: 118, 256: 130, 1536: 90 GFLOP/s). */
  static final int DEPTH = 256;

  @Override
  String name() {
    return "vector (" + LANES + " float lanes)";
  }

  @Override
  int roundings(int dims) {
    // block: per slice a chain of at most DEPTH fused steps (one rounding each), then at most one
    // addition per later slice into the output.
    int slices = (dims + DEPTH - 1) / DEPTH;
    int block = Math.min(dims, DEPTH) + slices;
    // row: per lane a chain of dims/L fused steps (counted as two roundings each), the lane
    // reduction in any order (at most L-1 sums), the scalar tail (under L products and sums), the
    // final sum
    int row = 2 * (dims / LANES) + 3 * LANES;
    return Math.max(block, row);
  }

  @Override
  Packed pack(float[][] c, int from, int to, Packed reuse) {
    return CandidatePanels.of(c, from, to, WIDTH, (CandidatePanels) reuse);
  }

  @Override
  void block(float[][] q, int qFrom, int qTo, Packed packed, float[] out, int stride) {
    CandidatePanels c = (CandidatePanels) packed;
    if (c.dims() == 0) {
      zeros(out, qTo - qFrom, stride, c.size());
      return;
    }
    float[] tile = new float[MANY_ROWS * WIDTH];
    for (int from = 0; from < c.dims(); from += DEPTH) {
      int to = Math.min(c.dims(), from + DEPTH);
      for (int p = 0; p < c.panels(); p++) {
        BroadcastKernel.Slice slice = new BroadcastKernel.Slice(c.panel(p), from, to);
        Tile target = new Tile(tile, out, stride, p * WIDTH, c.count(p), from == 0);
        slice(q, qFrom, qTo, slice, target);
      }
    }
  }

  /** Dots of vectors without components. */
  private static void zeros(float[] out, int rows, int stride, int width) {
    for (int r = 0; r < rows; r++) {
      Arrays.fill(out, r * stride, r * stride + width, 0f);
    }
  }

  /** Every query row against one slice: groups of fourteen (if they fit), six, then one. */
  private static void slice(
      float[][] q, int qFrom, int qTo, BroadcastKernel.Slice slice, Tile target) {
    int r = qFrom;
    for (; BroadcastKernel.FOURTEEN_FIT && r + MANY_ROWS <= qTo; r += MANY_ROWS) {
      BroadcastKernel.fourteenRows(q, r, slice, target.sums());
      target.addTo((r - qFrom) * target.stride(), MANY_ROWS);
    }
    for (; r + FEW_ROWS <= qTo; r += FEW_ROWS) {
      BroadcastKernel.sixRows(q, r, slice, target.sums());
      target.addTo((r - qFrom) * target.stride(), FEW_ROWS);
    }
    for (; r < qTo; r++) {
      BroadcastKernel.oneRow(q[r], slice, target.sums());
      target.addTo((r - qFrom) * target.stride(), 1);
    }
  }

  /**
   * A kernel's tile of sums and where it goes: {@code count} lanes of each row, at {@code column}
   * of the output rows; the first slice stores, later ones add (one rounding each).
   */
  private record Tile(float[] sums, float[] out, int stride, int column, int count, boolean first) {
    void addTo(int rowStart, int rows) {
      for (int i = 0; i < rows; i++) {
        int at = rowStart + i * stride + column;
        if (count == WIDTH) {
          addVectors(i * WIDTH, at);
        } else {
          addLanes(i * WIDTH, at);
        }
      }
    }

    private void addVectors(int from, int at) {
      FloatVector lo = FloatVector.fromArray(S, sums, from);
      FloatVector hi = FloatVector.fromArray(S, sums, from + LANES);
      if (!first) {
        // lo * 1 + out, rounded once: the sum lo + out exactly as add rounds it (see the class
        // comment)
        FloatVector one = FloatVector.broadcast(S, 1f);
        lo = lo.fma(one, FloatVector.fromArray(S, out, at));
        hi = hi.fma(one, FloatVector.fromArray(S, out, at + LANES));
      }
      lo.intoArray(out, at);
      hi.intoArray(out, at + LANES);
    }

    private void addLanes(int from, int at) {
      for (int j = 0; j < count; j++) {
        out[at + j] = first ? sums[from + j] : out[at + j] + sums[from + j];
      }
    }
  }

  @Override
  void row(float[] query, float[][] c, float[] out) {
    int n = query.length;
    float[] lanes = new float[4 * LANES];
    int s = 0;
    for (; s + 3 < c.length; s += 4) {
      dot1x4(query, c, s, lanes, out);
    }
    for (; s < c.length; s++) {
      out[s] = dot(query, c[s], n, lanes);
    }
  }

  private static float dot(float[] a, float[] b, int n, float[] lanes) {
    FloatVector acc = FloatVector.zero(S);
    int bound = S.loopBound(n);
    for (int d = 0; d < bound; d += LANES) {
      acc = FloatVector.fromArray(S, a, d).fma(FloatVector.fromArray(S, b, d), acc);
    }
    acc.intoArray(lanes, 0);
    return sumOfLanes(lanes, 0) + tail(a, b, bound, n);
  }

  /**
   * The sum of {@link #LANES} floats from {@code from}, in lane order: a vector's lanes reduced
   * without {@code reduceLanes} (see the class comment).
   */
  private static float sumOfLanes(float[] lanes, int from) {
    float sum = 0;
    for (int i = from; i < from + LANES; i++) {
      sum += lanes[i];
    }
    return sum;
  }

  private static float tail(float[] a, float[] b, int from, int n) {
    float sum = 0;
    for (int d = from; d < n; d++) {
      sum += a[d] * b[d];
    }
    return sum;
  }

  /** {@code out[s, s + 4)}: the query's dots with candidates {@code c[s, s + 4)}. */
  private static void dot1x4(float[] a, float[][] c, int s, float[] lanes, float[] out) {
    float[] b0 = c[s];
    float[] b1 = c[s + 1];
    float[] b2 = c[s + 2];
    float[] b3 = c[s + 3];
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = FloatVector.zero(S);
    FloatVector s2 = FloatVector.zero(S);
    FloatVector s3 = FloatVector.zero(S);
    int n = a.length;
    int bound = S.loopBound(n);
    for (int d = 0; d < bound; d += LANES) {
      FloatVector x = FloatVector.fromArray(S, a, d);
      s0 = x.fma(FloatVector.fromArray(S, b0, d), s0);
      s1 = x.fma(FloatVector.fromArray(S, b1, d), s1);
      s2 = x.fma(FloatVector.fromArray(S, b2, d), s2);
      s3 = x.fma(FloatVector.fromArray(S, b3, d), s3);
    }
    s0.intoArray(lanes, 0);
    s1.intoArray(lanes, LANES);
    s2.intoArray(lanes, 2 * LANES);
    s3.intoArray(lanes, 3 * LANES);
    out[s] = sumOfLanes(lanes, 0) + tail(a, b0, bound, n);
    out[s + 1] = sumOfLanes(lanes, LANES) + tail(a, b1, bound, n);
    out[s + 2] = sumOfLanes(lanes, 2 * LANES) + tail(a, b2, bound, n);
    out[s + 3] = sumOfLanes(lanes, 3 * LANES) + tail(a, b3, bound, n);
  }
}
