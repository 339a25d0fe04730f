package org.mmeb.eval.report.compare;

import java.util.Locale;

/** p-values as text in any locale: three significant digits, "n/a" when untested. */
final class PValueText {
  private PValueText() {}

  static String of(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    if (p < 0.001) {
      return String.format(Locale.ROOT, "%.1e", p);
    }
    return String.format(Locale.ROOT, "%.3f", p);
  }
}
