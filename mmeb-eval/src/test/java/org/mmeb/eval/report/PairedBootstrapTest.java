package org.mmeb.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

  private static List<PairedOutcomes> differences(double... d) {
    return List.of(new PairedOutcomes("d", new double[d.length], d));
  }

  @Test
  void constantDifferencesGiveAPointInterval() {
    PairedBootstrap.Interval ci =
        PairedBootstrap.interval(differences(0.3, 0.3, 0.3, 0.3), 0.95, 1000, 1);
    assertThat(ci.lower()).isEqualTo(0.3);
    assertThat(ci.upper()).isEqualTo(0.3);
  }

  @Test
  void twoQueriesSpanTheirWholeRange() {
    // Resampled means of {0, 1} are 0, 1/2, 1 with probabilities 1/4, 1/2, 1/4: the 2.5% and 97.5%
    // percentiles are 0 and 1.
    PairedBootstrap.Interval ci = PairedBootstrap.interval(differences(0, 1), 0.95, 10_000, 3);
    assertThat(ci.lower()).isEqualTo(0.0);
    assertThat(ci.upper()).isEqualTo(1.0);
  }

  @Test
  void aClearImprovementExcludesZeroAndIsReproducible() {
    double[] d = new double[1000];
    for (int i = 0; i < 100; i++) {
      d[i] = 1; // +10 points of hit@1, no losses
    }
    PairedBootstrap.Interval ci = PairedBootstrap.interval(differences(d), 0.95, 2000, 11);
    assertThat(ci.contains(0.1)).isTrue();
    assertThat(ci.lower()).isGreaterThan(0.07);
    assertThat(ci.upper()).isLessThan(0.13);
    assertThat(ci).isEqualTo(PairedBootstrap.interval(differences(d), 0.95, 2000, 11));
  }

  @Test
  void nearestRankPercentile() {
    double[] sorted = {1, 2, 3, 4};
    assertThat(PairedBootstrap.percentile(sorted, 0.0)).isEqualTo(1);
    assertThat(PairedBootstrap.percentile(sorted, 0.25)).isEqualTo(1);
    assertThat(PairedBootstrap.percentile(sorted, 0.26)).isEqualTo(2);
    assertThat(PairedBootstrap.percentile(sorted, 0.5)).isEqualTo(2);
    assertThat(PairedBootstrap.percentile(sorted, 1.0)).isEqualTo(4);
  }
}
