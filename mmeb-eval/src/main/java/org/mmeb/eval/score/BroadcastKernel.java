package org.mmeb.eval.score;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register micro-kernel of {@link VectorFloatDots#block} (the sgemm way): for each dimension of
 * a depth slice, two vectors of a {@link CandidatePanels} panel are loaded once and each query's
 * component is broadcast and fused-multiply-added into them, so every lane accumulates one (query,
 * candidate) dot with no lane reduction. Six query rows keep twelve accumulators in registers: two
 * loads and six broadcasts feed twelve FMAs.
 *
 * <p>Every lane's sum over the slice is one chain of fused multiply-adds in dimension order (one
 * rounding per step), started from zero. The accumulators end in a tile (row i's two vectors at
 * {@code i * WIDTH}) that the caller adds to its output.
 */
final class BroadcastKernel {
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int LANES = S.length();

  /** Candidates per panel: two vectors. */
  static final int WIDTH = 2 * LANES;

  /** Query rows per {@link #sixRows} call. */
  static final int ROWS = 6;

  /** A depth slice [from, to) of the panel starting at {@code offset} in {@code values}. */
  record Slice(float[] values, int offset, int from, int to) {}

  private BroadcastKernel() {}

  /** Queries {@code q[r, r + 6)} against the slice, into {@code tile}. */
  static void sixRows(float[][] q, int r, Slice slice, float[] tile) {
    float[] a0 = q[r];
    float[] a1 = q[r + 1];
    float[] a2 = q[r + 2];
    float[] a3 = q[r + 3];
    float[] a4 = q[r + 4];
    float[] a5 = q[r + 5];
    float[] p = slice.values();
    FloatVector s00 = FloatVector.zero(S);
    FloatVector s01 = FloatVector.zero(S);
    FloatVector s10 = FloatVector.zero(S);
    FloatVector s11 = FloatVector.zero(S);
    FloatVector s20 = FloatVector.zero(S);
    FloatVector s21 = FloatVector.zero(S);
    FloatVector s30 = FloatVector.zero(S);
    FloatVector s31 = FloatVector.zero(S);
    FloatVector s40 = FloatVector.zero(S);
    FloatVector s41 = FloatVector.zero(S);
    FloatVector s50 = FloatVector.zero(S);
    FloatVector s51 = FloatVector.zero(S);
    int at = slice.offset() + slice.from() * WIDTH;
    for (int d = slice.from(); d < slice.to(); d++, at += WIDTH) {
      FloatVector y0 = FloatVector.fromArray(S, p, at);
      FloatVector y1 = FloatVector.fromArray(S, p, at + LANES);
      FloatVector x = FloatVector.broadcast(S, a0[d]);
      s00 = x.fma(y0, s00);
      s01 = x.fma(y1, s01);
      x = FloatVector.broadcast(S, a1[d]);
      s10 = x.fma(y0, s10);
      s11 = x.fma(y1, s11);
      x = FloatVector.broadcast(S, a2[d]);
      s20 = x.fma(y0, s20);
      s21 = x.fma(y1, s21);
      x = FloatVector.broadcast(S, a3[d]);
      s30 = x.fma(y0, s30);
      s31 = x.fma(y1, s31);
      x = FloatVector.broadcast(S, a4[d]);
      s40 = x.fma(y0, s40);
      s41 = x.fma(y1, s41);
      x = FloatVector.broadcast(S, a5[d]);
      s50 = x.fma(y0, s50);
      s51 = x.fma(y1, s51);
    }
    // stored here, not through a helper taking vectors: a call that fails to inline boxes them
    s00.intoArray(tile, 0);
    s01.intoArray(tile, LANES);
    s10.intoArray(tile, WIDTH);
    s11.intoArray(tile, WIDTH + LANES);
    s20.intoArray(tile, 2 * WIDTH);
    s21.intoArray(tile, 2 * WIDTH + LANES);
    s30.intoArray(tile, 3 * WIDTH);
    s31.intoArray(tile, 3 * WIDTH + LANES);
    s40.intoArray(tile, 4 * WIDTH);
    s41.intoArray(tile, 4 * WIDTH + LANES);
    s50.intoArray(tile, 5 * WIDTH);
    s51.intoArray(tile, 5 * WIDTH + LANES);
  }

  /** One query against the slice, into the tile's first row (for the rows left over by six). */
  static void oneRow(float[] a, Slice slice, float[] tile) {
    float[] p = slice.values();
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = FloatVector.zero(S);
    int at = slice.offset() + slice.from() * WIDTH;
    for (int d = slice.from(); d < slice.to(); d++, at += WIDTH) {
      FloatVector x = FloatVector.broadcast(S, a[d]);
      s0 = x.fma(FloatVector.fromArray(S, p, at), s0);
      s1 = x.fma(FloatVector.fromArray(S, p, at + LANES), s1);
    }
    s0.intoArray(tile, 0);
    s1.intoArray(tile, LANES);
  }
}
