package org.mmeb.eval.score;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register micro-kernel of {@link VectorFloatDots#block} (the sgemm way): for each dimension of
 * a depth slice, two vectors of a {@link CandidatePanels} panel are loaded once and each query's
 * component is broadcast and fused-multiply-added into them, so every lane accumulates one (query,
 * candidate) dot with no lane reduction. Fourteen query rows keep 28 accumulators in registers
 * (AVX-512 has 32): two loads and fourteen broadcasts feed 28 FMAs. Where vectors are narrower
 * (AVX2: 16 registers) six rows keep twelve, the most that fit.
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

  /**
   * Whether {@link #fourteenRows} fits in the registers: with 512-bit vectors (AVX-512's 32
   * registers). Measured on AVX-512 (a standalone prototype, one thread, 1000 x 1000 x 1536):
   * fourteen rows 123, twelve 115, eight 106, six 106 GFLOP per CPU-second.
   */
  static final boolean FOURTEEN_FIT = S.vectorBitSize() >= 512;

  /** Query rows per {@link #fourteenRows} call. */
  static final int MANY_ROWS = 14;

  /** Query rows per {@link #sixRows} call. */
  static final int FEW_ROWS = 6;

  /** A depth slice [from, to) of one panel ({@code values}, from dimension 0). */
  record Slice(float[] values, int from, int to) {}

  private BroadcastKernel() {}

  /** Queries {@code q[r, r + 14)} against the slice, into {@code tile}. */
  static void fourteenRows(float[][] q, int r, Slice slice, float[] tile) {
    float[] a0 = q[r];
    float[] a1 = q[r + 1];
    float[] a2 = q[r + 2];
    float[] a3 = q[r + 3];
    float[] a4 = q[r + 4];
    float[] a5 = q[r + 5];
    float[] a6 = q[r + 6];
    float[] a7 = q[r + 7];
    float[] a8 = q[r + 8];
    float[] a9 = q[r + 9];
    float[] a10 = q[r + 10];
    float[] a11 = q[r + 11];
    float[] a12 = q[r + 12];
    float[] a13 = q[r + 13];
    float[] p = slice.values();
    FloatVector lo0 = FloatVector.zero(S);
    FloatVector hi0 = FloatVector.zero(S);
    FloatVector lo1 = FloatVector.zero(S);
    FloatVector hi1 = FloatVector.zero(S);
    FloatVector lo2 = FloatVector.zero(S);
    FloatVector hi2 = FloatVector.zero(S);
    FloatVector lo3 = FloatVector.zero(S);
    FloatVector hi3 = FloatVector.zero(S);
    FloatVector lo4 = FloatVector.zero(S);
    FloatVector hi4 = FloatVector.zero(S);
    FloatVector lo5 = FloatVector.zero(S);
    FloatVector hi5 = FloatVector.zero(S);
    FloatVector lo6 = FloatVector.zero(S);
    FloatVector hi6 = FloatVector.zero(S);
    FloatVector lo7 = FloatVector.zero(S);
    FloatVector hi7 = FloatVector.zero(S);
    FloatVector lo8 = FloatVector.zero(S);
    FloatVector hi8 = FloatVector.zero(S);
    FloatVector lo9 = FloatVector.zero(S);
    FloatVector hi9 = FloatVector.zero(S);
    FloatVector lo10 = FloatVector.zero(S);
    FloatVector hi10 = FloatVector.zero(S);
    FloatVector lo11 = FloatVector.zero(S);
    FloatVector hi11 = FloatVector.zero(S);
    FloatVector lo12 = FloatVector.zero(S);
    FloatVector hi12 = FloatVector.zero(S);
    FloatVector lo13 = FloatVector.zero(S);
    FloatVector hi13 = FloatVector.zero(S);
    int at = slice.from() * WIDTH;
    for (int d = slice.from(); d < slice.to(); d++, at += WIDTH) {
      FloatVector y0 = FloatVector.fromArray(S, p, at);
      FloatVector y1 = FloatVector.fromArray(S, p, at + LANES);
      FloatVector x = FloatVector.broadcast(S, a0[d]);
      lo0 = x.fma(y0, lo0);
      hi0 = x.fma(y1, hi0);
      x = FloatVector.broadcast(S, a1[d]);
      lo1 = x.fma(y0, lo1);
      hi1 = x.fma(y1, hi1);
      x = FloatVector.broadcast(S, a2[d]);
      lo2 = x.fma(y0, lo2);
      hi2 = x.fma(y1, hi2);
      x = FloatVector.broadcast(S, a3[d]);
      lo3 = x.fma(y0, lo3);
      hi3 = x.fma(y1, hi3);
      x = FloatVector.broadcast(S, a4[d]);
      lo4 = x.fma(y0, lo4);
      hi4 = x.fma(y1, hi4);
      x = FloatVector.broadcast(S, a5[d]);
      lo5 = x.fma(y0, lo5);
      hi5 = x.fma(y1, hi5);
      x = FloatVector.broadcast(S, a6[d]);
      lo6 = x.fma(y0, lo6);
      hi6 = x.fma(y1, hi6);
      x = FloatVector.broadcast(S, a7[d]);
      lo7 = x.fma(y0, lo7);
      hi7 = x.fma(y1, hi7);
      x = FloatVector.broadcast(S, a8[d]);
      lo8 = x.fma(y0, lo8);
      hi8 = x.fma(y1, hi8);
      x = FloatVector.broadcast(S, a9[d]);
      lo9 = x.fma(y0, lo9);
      hi9 = x.fma(y1, hi9);
      x = FloatVector.broadcast(S, a10[d]);
      lo10 = x.fma(y0, lo10);
      hi10 = x.fma(y1, hi10);
      x = FloatVector.broadcast(S, a11[d]);
      lo11 = x.fma(y0, lo11);
      hi11 = x.fma(y1, hi11);
      x = FloatVector.broadcast(S, a12[d]);
      lo12 = x.fma(y0, lo12);
      hi12 = x.fma(y1, hi12);
      x = FloatVector.broadcast(S, a13[d]);
      lo13 = x.fma(y0, lo13);
      hi13 = x.fma(y1, hi13);
    }
    lo0.intoArray(tile, 0);
    hi0.intoArray(tile, LANES);
    lo1.intoArray(tile, WIDTH);
    hi1.intoArray(tile, WIDTH + LANES);
    lo2.intoArray(tile, 2 * WIDTH);
    hi2.intoArray(tile, 2 * WIDTH + LANES);
    lo3.intoArray(tile, 3 * WIDTH);
    hi3.intoArray(tile, 3 * WIDTH + LANES);
    lo4.intoArray(tile, 4 * WIDTH);
    hi4.intoArray(tile, 4 * WIDTH + LANES);
    lo5.intoArray(tile, 5 * WIDTH);
    hi5.intoArray(tile, 5 * WIDTH + LANES);
    lo6.intoArray(tile, 6 * WIDTH);
    hi6.intoArray(tile, 6 * WIDTH + LANES);
    lo7.intoArray(tile, 7 * WIDTH);
    hi7.intoArray(tile, 7 * WIDTH + LANES);
    lo8.intoArray(tile, 8 * WIDTH);
    hi8.intoArray(tile, 8 * WIDTH + LANES);
    lo9.intoArray(tile, 9 * WIDTH);
    hi9.intoArray(tile, 9 * WIDTH + LANES);
    lo10.intoArray(tile, 10 * WIDTH);
    hi10.intoArray(tile, 10 * WIDTH + LANES);
    lo11.intoArray(tile, 11 * WIDTH);
    hi11.intoArray(tile, 11 * WIDTH + LANES);
    lo12.intoArray(tile, 12 * WIDTH);
    hi12.intoArray(tile, 12 * WIDTH + LANES);
    lo13.intoArray(tile, 13 * WIDTH);
    hi13.intoArray(tile, 13 * WIDTH + LANES);
  }

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
    int at = slice.from() * WIDTH;
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
    int at = slice.from() * WIDTH;
    for (int d = slice.from(); d < slice.to(); d++, at += WIDTH) {
      FloatVector x = FloatVector.broadcast(S, a[d]);
      s0 = x.fma(FloatVector.fromArray(S, p, at), s0);
      s1 = x.fma(FloatVector.fromArray(S, p, at + LANES), s1);
    }
    s0.intoArray(tile, 0);
    s1.intoArray(tile, LANES);
  }
}
