package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PairedPermutationTestTest {

  /** One dataset whose baseline is all zeros, so the candidate's outcomes are the differences. */
  private static List<PairedOutcomes> differences(double... d) {
    return List.of(new PairedOutcomes("d", new double[d.length], d));
  }

  private static double exactP(double... d) {
    return PairedPermutationTest.pValue(differences(d), 1, 0);
  }

  // Each p-value counted by hand over all 2^n sign assignments of the non-zero differences.
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1 1 1; 0.25", // only +++ and --- reach |sum| = 3: 2/8
        "1 1 1 1 1; 0.0625", // 2/32
        "1 1 1 -1; 0.625", // |sum| >= 2 when 0, 1, 3 or 4 signs are +: (1+4+4+1)/16
        "1 -1; 1.0", // observed 0: every assignment is as extreme
        "0.5 0.25; 0.5", // |±0.5 ± 0.25| >= 0.75 only for ++ and --
        "0.5 0.5 0.1; 0.25", // only +++ and --- reach 1.1
        "0.5 -0.5 0.1; 1.0", // the smallest |sum| over assignments is 0.1, the observed one
        "0 0 0; 1.0", // nothing differs
      })
  void exactPValuesMatchHandCounts(String differences, double expected) {
    double[] d =
        java.util.Arrays.stream(differences.split(" ")).mapToDouble(Double::parseDouble).toArray();
    assertThat(exactP(d)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void queriesWithEqualOutcomesDoNotChangeTheExactPValue() {
    double[] d = new double[1000];
    for (int i = 0; i < 10; i++) {
      d[i * 97] = 1;
    }
    assertThat(exactP(d)).isEqualTo(2.0 / 1024);
  }

  @Test
  void datasetsAreWeightedEquallyWhateverTheirSize() {
    // statistic = (1/1 + (-1)/4) / 2 = 0.375; the flips give ±0.5 ± 0.125, all at least 0.375
    List<PairedOutcomes> two =
        List.of(
            new PairedOutcomes("a", new double[] {0}, new double[] {1}),
            new PairedOutcomes("b", new double[] {1, 0, 0, 0}, new double[] {0, 0, 0, 0}));
    assertThat(PairedPermutationTest.pValue(two, 1, 0)).isEqualTo(1.0);
  }

  @Test
  void monteCarloAgreesWithTheExactSignTestBeyondTheEnumerationLimit() {
    // 30 discordant queries, 21 in favour of the candidate: the exact two-sided sign test gives
    // 2 * P(Bin(30, 1/2) >= 21).
    double[] d = new double[30];
    for (int i = 0; i < 30; i++) {
      d[i] = i < 21 ? 1 : -1;
    }
    double tail = 0;
    for (int k = 21; k <= 30; k++) {
      tail += binomial(30, k) / Math.pow(2, 30);
    }
    double p = PairedPermutationTest.pValue(differences(d), 20_000, 7);
    assertThat(p).isCloseTo(2 * tail, within(0.006));
  }

  @Test
  void monteCarloIsReproducibleForOneSeedAndNeverZero() {
    double[] d = new double[200];
    java.util.Arrays.fill(d, 1);
    double p = PairedPermutationTest.pValue(differences(d), 500, 42);
    assertThat(p).isEqualTo(PairedPermutationTest.pValue(differences(d), 500, 42));
    assertThat(p).isEqualTo(1.0 / 501);
  }

  @Test
  void outcomeArraysOfDifferentLengthsAreRejected() {
    assertThatThrownBy(() -> new PairedOutcomes("MSCOCO", new double[3], new double[2]))
        .hasMessageContaining("MSCOCO")
        .hasMessageContaining("3")
        .hasMessageContaining("2");
  }

  private static double binomial(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }
}
