package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PaperRoundingTest {
  static Stream<Arguments> datasets() {
    return Stream.of(
        Arguments.of(0.80849999, "80.9"), // round4 → 0.8085 → 80.85 → half up
        Arguments.of(0.80844, "80.8"),
        Arguments.of(0.12345, "12.4"), // binary 0.12345000000000000417 → 0.1235
        Arguments.of(1.0, "100.0"),
        Arguments.of(0.0, "0.0"),
        Arguments.of(0.4878048780487805, "48.8"));
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void perDatasetRoundsToFourDigitsFirst(double fraction, String shown) {
    assertThat(PaperRounding.format(PaperRounding.dataset(fraction))).isEqualTo(shown);
  }

  static Stream<Arguments> aggregates() {
    return Stream.of(
        // A decimal tie stays a tie: the double 48.05 is 48.04999999999999715...; the V1 paper
        // rounds these means half up (Table 6: CLIP RET 52.95 -> 53.0, E5-V IND 14.85 -> 14.9).
        Arguments.of(48.05, "48.1"),
        Arguments.of(52.949999999999996, "53.0"),
        Arguments.of(14.849999999999999, "14.9"),
        Arguments.of(48.0499999999999, "48.0"),
        Arguments.of(80.85000000000001, "80.9"),
        Arguments.of(62.94, "62.9"),
        Arguments.of(62.95000000000001, "63.0"));
  }

  @ParameterizedTest
  @MethodSource("aggregates")
  void aggregatesRoundTheExactMeanHalfUp(double meanPercent, String shown) {
    assertThat(PaperRounding.format(PaperRounding.aggregate(meanPercent))).isEqualTo(shown);
  }

  @Test
  void formattingIgnoresTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      for (Locale locale : new Locale[] {Locale.GERMANY, Locale.FRANCE, new Locale("ar", "EG")}) {
        Locale.setDefault(locale);
        assertThat(PaperRounding.format(PaperRounding.dataset(0.6233))).isEqualTo("62.3");
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void undefinedValuesAreNotRounded() {
    assertThat(PaperRounding.format(null)).isEqualTo("-");
    assertThatThrownBy(() -> PaperRounding.dataset(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
