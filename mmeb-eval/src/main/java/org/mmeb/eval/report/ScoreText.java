package org.mmeb.eval.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Scores as text, the same in every locale: one decimal, a dot, and an empty cell for a score the
 * source does not have. Values arrive already rounded by the scorer; this only prints them.
 */
public final class ScoreText {
  private ScoreText() {}

  public static String of(double score) {
    if (Double.isNaN(score)) {
      return "";
    }
    return BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  /** A difference with its sign; a difference that rounds to zero prints as 0.0. */
  public static String signed(double delta) {
    if (Double.isNaN(delta)) {
      return "";
    }
    BigDecimal rounded = BigDecimal.valueOf(delta).setScale(1, RoundingMode.HALF_UP);
    return (rounded.signum() > 0 ? "+" : "") + rounded.toPlainString();
  }
}
