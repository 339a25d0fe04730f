package org.mmeb.eval.score;

import static org.mmeb.eval.score.BroadcastKernel.LANES;
import static org.mmeb.eval.score.BroadcastKernel.S;
import static org.mmeb.eval.score.BroadcastKernel.WIDTH;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The squared norms, in double, of a {@link CandidatePanels} panel's candidates, read from the
 * panel just packed: each lane sums its candidate's squares in exactly {@link Similarity#dot}'s
 * order (even and odd dimensions in two sums, an odd count's last square into the even one, then
 * even + odd), so each equals {@code Similarity.dot(v, v)} bit for bit. A float's square is exact
 * in double, so a fused multiply-add rounds where the scalar sum does.
 *
 * <p>Why here: a panel holds one dimension of {@link BroadcastKernel#WIDTH} candidates in two
 * contiguous vectors, so a pool's norms take a few SIMD steps per dimension while the panel is
 * still in cache, instead of one latency-bound scalar chain per candidate (1000 x 1536, one thread:
 * 0.9 ms of scalar dots in pairs, 0.2-0.4 ms added to the packing).
 */
final class PanelNorms {
  /** Doubles in vectors of the floats' size (both the preferred shape): half as many lanes. */
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  private static final int HALF = D.length();

  private PanelNorms() {}

  /**
   * {@code out[at + lane]} = the squared norm of the panel's candidate {@code lane}, for lanes [0,
   * count).
   */
  static void squares(float[] panel, int dims, int count, double[] out, int at) {
    double[] sums = new double[WIDTH];
    sumSquares(panel, dims, 0, sums);
    sumSquares(panel, dims, LANES, sums);
    System.arraycopy(sums, 0, out, at, count);
  }

  /**
   * The squared norms of the panel's lanes [first, first + LANES) (one float vector of each
   * dimension) into {@code sums[first, first + LANES)}. With an odd count of dimensions the last
   * square goes to the even sum and the odd one adds +0 (its sum of squares is +0 or more, so it
   * stays as it is).
   */
  private static void sumSquares(float[] panel, int dims, int first, double[] sums) {
    DoubleVector evenLow = DoubleVector.zero(D);
    DoubleVector evenHigh = evenLow;
    DoubleVector oddLow = evenLow;
    DoubleVector oddHigh = evenLow;
    for (int d = 0, at = first; d < dims; d += 2, at += 2 * WIDTH) {
      FloatVector even = FloatVector.fromArray(S, panel, at);
      FloatVector odd =
          d + 1 < dims ? FloatVector.fromArray(S, panel, at + WIDTH) : FloatVector.zero(S);
      evenLow = square(even, 0, evenLow);
      evenHigh = square(even, 1, evenHigh);
      oddLow = square(odd, 0, oddLow);
      oddHigh = square(odd, 1, oddHigh);
    }
    evenLow.add(oddLow).intoArray(sums, first);
    evenHigh.add(oddHigh).intoArray(sums, first + HALF);
  }

  /**
   * {@code sum} plus the squares of half {@code part} (0: lower, 1: upper) of {@code x}'s lanes.
   */
  private static DoubleVector square(FloatVector x, int part, DoubleVector sum) {
    DoubleVector wide = (DoubleVector) x.convert(VectorOperators.F2D, part);
    return wide.fma(wide, sum);
  }
}
