package org.mmeb.eval.score;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Display rounding of the MMEB-V2 paper, in exact decimal arithmetic (no locale, no binary
 * surprises). Per dataset: {@code round_half_up(100 * round4(x), 1)}, where {@code round4} is
 * Python's {@code f'{x:.4f}'} (correct rounding of the exact binary value, ties to even) and the
 * product is exact. Aggregates: {@code round_half_up(m, 1)} of the double mean {@code m} of {@code
 * 100 * x} over unrounded values, taken to 15 significant digits. Both rules reproduce every cell
 * of the V2 paper's Table 5 from the v2.0.0 score files, and every aggregate of the V1 paper's
 * Table 6 from its per-dataset numbers (but the paper's two typos); rounding {@code 100 * x} once
 * instead misses some cells.
 */
public final class PaperRounding {
  private static final java.math.MathContext SIGNIFICANT =
      new java.math.MathContext(15, RoundingMode.HALF_EVEN);

  private PaperRounding() {}

  /** A dataset's score (a fraction in [0, 1]) as the paper prints it, e.g. 80.8. */
  public static BigDecimal dataset(double fraction) {
    return exact(fraction)
        .setScale(4, RoundingMode.HALF_EVEN)
        .movePointRight(2)
        .setScale(1, RoundingMode.HALF_UP);
  }

  /**
   * An aggregate (a mean of percentages) as the paper prints it. The mean is first cut to 15
   * significant digits, below a double's precision: a mean that is a tie in decimals (MMEB-V1 Table
   * 6, CLIP RET: twelve scores of 1000 queries each average exactly 52.95) comes out of binary
   * arithmetic as 52.9499999999999957, and the V1 paper prints 53.0. Every Table 5 cell is
   * unchanged by the cut.
   */
  public static BigDecimal aggregate(double meanPercent) {
    return exact(meanPercent).round(SIGNIFICANT).setScale(1, RoundingMode.HALF_UP);
  }

  /** Text for a table cell: the plain decimal, or "-" when the value is undefined. */
  public static String format(BigDecimal value) {
    return value == null ? "-" : value.toPlainString();
  }

  private static BigDecimal exact(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("cannot round a non-finite score: " + value);
    }
    return new BigDecimal(value);
  }
}
