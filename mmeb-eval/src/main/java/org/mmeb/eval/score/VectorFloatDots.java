package org.mmeb.eval.score;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatDots} in SIMD lanes (the JDK's Vector API, the widest species this CPU has). Four
 * queries meet four candidates per tile: each step loads eight vectors for sixteen fused
 * multiply-adds, so the loop runs at the FMA units' pace rather than the loads'. Loaded by name
 * from {@link FloatDots} only when the {@code jdk.incubator.vector} module is present.
 */
final class VectorFloatDots extends FloatDots {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int SLICE_BYTES = 512 * 1024;

  @Override
  String name() {
    return "vector (" + S.length() + " float lanes)";
  }

  @Override
  int roundings(int dims) {
    // per lane a chain of dims/L fused steps (counted as two roundings each), the lane reduction
    // in any order (at most L-1 sums), the scalar tail (under L products and sums), the final sum
    int lanes = S.length();
    return 2 * (dims / lanes) + 3 * lanes;
  }

  @Override
  void block(
      float[][] q, int qFrom, int qTo, float[][] c, int cFrom, int cTo, float[] out, int stride) {
    int n = q[qFrom].length;
    // candidates in slices that stay in the core's L2 cache while every query tile passes over them
    int slice = Math.max(4, (SLICE_BYTES / Math.max(1, 4 * n)) & ~3);
    for (int from = cFrom; from < cTo; from += slice) {
      slice(q, qFrom, qTo, c, from, Math.min(cTo, from + slice), n, out, stride, from - cFrom);
    }
  }

  private static void slice(
      float[][] q,
      int qFrom,
      int qTo,
      float[][] c,
      int cFrom,
      int cTo,
      int n,
      float[] out,
      int stride,
      int column) {
    int r = qFrom;
    for (; r + 3 < qTo; r += 4) {
      int at = (r - qFrom) * stride + column - cFrom;
      int s = cFrom;
      for (; s + 3 < cTo; s += 4) {
        tile4x4(
            q[r], q[r + 1], q[r + 2], q[r + 3], c[s], c[s + 1], c[s + 2], c[s + 3], n, out, at + s,
            stride);
      }
      for (; s < cTo; s++) {
        for (int u = 0; u < 4; u++) {
          out[at + u * stride + s] = dot(q[r + u], c[s], n);
        }
      }
    }
    for (; r < qTo; r++) {
      int at = (r - qFrom) * stride + column - cFrom;
      int s = cFrom;
      for (; s + 3 < cTo; s += 4) {
        tile1x4(q[r], c[s], c[s + 1], c[s + 2], c[s + 3], n, out, at + s);
      }
      for (; s < cTo; s++) {
        out[at + s] = dot(q[r], c[s], n);
      }
    }
  }

  private static float dot(float[] a, float[] b, int n) {
    FloatVector acc = FloatVector.zero(S);
    int bound = S.loopBound(n);
    for (int d = 0; d < bound; d += S.length()) {
      acc = FloatVector.fromArray(S, a, d).fma(FloatVector.fromArray(S, b, d), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD) + tail(a, b, bound, n);
  }

  private static float tail(float[] a, float[] b, int from, int n) {
    float sum = 0;
    for (int d = from; d < n; d++) {
      sum += a[d] * b[d];
    }
    return sum;
  }

  private static void tile1x4(
      float[] a, float[] b0, float[] b1, float[] b2, float[] b3, int n, float[] out, int at) {
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = FloatVector.zero(S);
    FloatVector s2 = FloatVector.zero(S);
    FloatVector s3 = FloatVector.zero(S);
    int bound = S.loopBound(n);
    for (int d = 0; d < bound; d += S.length()) {
      FloatVector x = FloatVector.fromArray(S, a, d);
      s0 = x.fma(FloatVector.fromArray(S, b0, d), s0);
      s1 = x.fma(FloatVector.fromArray(S, b1, d), s1);
      s2 = x.fma(FloatVector.fromArray(S, b2, d), s2);
      s3 = x.fma(FloatVector.fromArray(S, b3, d), s3);
    }
    out[at] = s0.reduceLanes(VectorOperators.ADD) + tail(a, b0, bound, n);
    out[at + 1] = s1.reduceLanes(VectorOperators.ADD) + tail(a, b1, bound, n);
    out[at + 2] = s2.reduceLanes(VectorOperators.ADD) + tail(a, b2, bound, n);
    out[at + 3] = s3.reduceLanes(VectorOperators.ADD) + tail(a, b3, bound, n);
  }

  private static void tile4x4(
      float[] a0,
      float[] a1,
      float[] a2,
      float[] a3,
      float[] b0,
      float[] b1,
      float[] b2,
      float[] b3,
      int n,
      float[] out,
      int at,
      int stride) {
    FloatVector s00 = FloatVector.zero(S);
    FloatVector s01 = FloatVector.zero(S);
    FloatVector s02 = FloatVector.zero(S);
    FloatVector s03 = FloatVector.zero(S);
    FloatVector s10 = FloatVector.zero(S);
    FloatVector s11 = FloatVector.zero(S);
    FloatVector s12 = FloatVector.zero(S);
    FloatVector s13 = FloatVector.zero(S);
    FloatVector s20 = FloatVector.zero(S);
    FloatVector s21 = FloatVector.zero(S);
    FloatVector s22 = FloatVector.zero(S);
    FloatVector s23 = FloatVector.zero(S);
    FloatVector s30 = FloatVector.zero(S);
    FloatVector s31 = FloatVector.zero(S);
    FloatVector s32 = FloatVector.zero(S);
    FloatVector s33 = FloatVector.zero(S);
    int bound = S.loopBound(n);
    for (int d = 0; d < bound; d += S.length()) {
      FloatVector y0 = FloatVector.fromArray(S, b0, d);
      FloatVector y1 = FloatVector.fromArray(S, b1, d);
      FloatVector y2 = FloatVector.fromArray(S, b2, d);
      FloatVector y3 = FloatVector.fromArray(S, b3, d);
      FloatVector x0 = FloatVector.fromArray(S, a0, d);
      s00 = x0.fma(y0, s00);
      s01 = x0.fma(y1, s01);
      s02 = x0.fma(y2, s02);
      s03 = x0.fma(y3, s03);
      FloatVector x1 = FloatVector.fromArray(S, a1, d);
      s10 = x1.fma(y0, s10);
      s11 = x1.fma(y1, s11);
      s12 = x1.fma(y2, s12);
      s13 = x1.fma(y3, s13);
      FloatVector x2 = FloatVector.fromArray(S, a2, d);
      s20 = x2.fma(y0, s20);
      s21 = x2.fma(y1, s21);
      s22 = x2.fma(y2, s22);
      s23 = x2.fma(y3, s23);
      FloatVector x3 = FloatVector.fromArray(S, a3, d);
      s30 = x3.fma(y0, s30);
      s31 = x3.fma(y1, s31);
      s32 = x3.fma(y2, s32);
      s33 = x3.fma(y3, s33);
    }
    out[at + 0 * stride + 0] = s00.reduceLanes(VectorOperators.ADD) + tail(a0, b0, bound, n);
    out[at + 0 * stride + 1] = s01.reduceLanes(VectorOperators.ADD) + tail(a0, b1, bound, n);
    out[at + 0 * stride + 2] = s02.reduceLanes(VectorOperators.ADD) + tail(a0, b2, bound, n);
    out[at + 0 * stride + 3] = s03.reduceLanes(VectorOperators.ADD) + tail(a0, b3, bound, n);
    out[at + 1 * stride + 0] = s10.reduceLanes(VectorOperators.ADD) + tail(a1, b0, bound, n);
    out[at + 1 * stride + 1] = s11.reduceLanes(VectorOperators.ADD) + tail(a1, b1, bound, n);
    out[at + 1 * stride + 2] = s12.reduceLanes(VectorOperators.ADD) + tail(a1, b2, bound, n);
    out[at + 1 * stride + 3] = s13.reduceLanes(VectorOperators.ADD) + tail(a1, b3, bound, n);
    out[at + 2 * stride + 0] = s20.reduceLanes(VectorOperators.ADD) + tail(a2, b0, bound, n);
    out[at + 2 * stride + 1] = s21.reduceLanes(VectorOperators.ADD) + tail(a2, b1, bound, n);
    out[at + 2 * stride + 2] = s22.reduceLanes(VectorOperators.ADD) + tail(a2, b2, bound, n);
    out[at + 2 * stride + 3] = s23.reduceLanes(VectorOperators.ADD) + tail(a2, b3, bound, n);
    out[at + 3 * stride + 0] = s30.reduceLanes(VectorOperators.ADD) + tail(a3, b0, bound, n);
    out[at + 3 * stride + 1] = s31.reduceLanes(VectorOperators.ADD) + tail(a3, b1, bound, n);
    out[at + 3 * stride + 2] = s32.reduceLanes(VectorOperators.ADD) + tail(a3, b2, bound, n);
    out[at + 3 * stride + 3] = s33.reduceLanes(VectorOperators.ADD) + tail(a3, b3, bound, n);
  }
}
