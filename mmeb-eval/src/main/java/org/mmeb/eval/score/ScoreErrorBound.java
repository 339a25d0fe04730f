package org.mmeb.eval.score;

/**
 * A proven bound on how far a fast score may lie from the exact one, so that rankings can be
 * decided by {@link FloatDots} and only the pairs near a deciding boundary re-scored in double.
 *
 * <p>The exact score is today's {@code s = fl(fl(d * qw) * cw)}, {@code d} the double dot of {@link
 * Similarity#dot}; the fast one is {@code F = fl(fl(f * qw) * cw)}, {@code f} the float dot. With
 * {@code D} the real dot, {@code S = sum |q_i c_i|} and {@code u = 2^-24}:
 *
 * <ul>
 *   <li>{@code |f - D| <= gamma(K) * S + K * 2^-149}: {@code K} roundings at most between any
 *       product {@code q_i c_i} and {@code f} (the kernel's {@link FloatDots#roundings}), each
 *       relative {@code u} (Higham's {@code gamma(K) = K u / (1 - K u)}, any summation order) or,
 *       for a subnormal result, absolute half the least subnormal. A fused multiply-add rounds
 *       once, so in the broadcast kernel's chain of fused steps over a depth slice a product passes
 *       through at most one rounding per later step, then one per slice sum added into the output
 *       ({@link VectorFloatDots#roundings}). An overflow makes {@code f} infinite or NaN: such
 *       pairs are always scored exactly.
 *   <li>{@code |d - D| <= n 2^-53 S <= 2^-29 S} (products of floats are exact in double; {@code n
 *       <= 2^24}).
 *   <li>{@code S <= |q| |c|} (Cauchy-Schwarz); the norms computed in double are within {@code 1 +/-
 *       2^-28} of the real ones.
 *   <li>The final multiplications and the sums used to compare against the bound round by {@code
 *       2^-52} of quantities at most {@code |q| |c| qw cw}.
 * </ul>
 *
 * Hence {@code |F - s| <= ((gamma(K) + 2^-27) |q| qw |c| cw + K 2^-149 qw cw) (1 + 2^-20)}, with
 * "scale" below meaning {@code norm * weight}.
 */
final class ScoreErrorBound {
  private static final double SLACK = 0x1p-27;
  private final double relative;
  private final double absolute;

  ScoreErrorBound(FloatDots dots, int dims) {
    double k = dots.roundings(dims);
    double ku = k * 0x1p-24;
    boolean provable = ku < 0.5 && dims <= (1 << 24);
    relative = provable ? ku / (1 - ku) + SLACK : Double.POSITIVE_INFINITY;
    absolute = k * 0x1p-149;
  }

  /**
   * The bound for one query against candidates whose largest scale ({@code norm * weight}) and
   * largest weight are given.
   */
  double of(double queryScale, double queryWeight, double maxScale, double maxWeight) {
    return (relative * queryScale * maxScale + absolute * queryWeight * maxWeight) * (1 + 0x1p-20);
  }
}
