package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  private static double[] hits(int n, int correct) {
    double[] v = new double[n];
    for (int i = 0; i < correct; i++) {
      v[i] = 1;
    }
    return v;
  }

  @Test
  void intervalOfAHalfRightDatasetIsAboutThreePointsWide() {
    // binomial: 1.96 * sqrt(0.25 / 1000) = 3.1 points each side
    ConfidenceInterval ci = new Bootstrap().dataset(hits(1000, 500));
    assertThat(ci.lowPercent()).isBetween(46.0, 48.0);
    assertThat(ci.highPercent()).isBetween(52.0, 54.0);
    assertThat(ci.level()).isEqualTo(0.95);
  }

  @Test
  void sameSeedSameIntervalOtherSeedOtherInterval() {
    double[] values = hits(300, 100);
    assertThat(new Bootstrap(500, 1).dataset(values))
        .isEqualTo(new Bootstrap(500, 1).dataset(values));
    assertThat(new Bootstrap(500, 1).dataset(values))
        .isNotEqualTo(new Bootstrap(500, 2).dataset(values));
  }

  @Test
  void constantScoresHaveAZeroWidthInterval() {
    ConfidenceInterval ci = new Bootstrap().dataset(hits(50, 50));
    assertThat(ci.lowPercent()).isEqualTo(100.0);
    assertThat(ci.highPercent()).isEqualTo(100.0);
  }

  @Test
  void overallIntervalIsNarrowerThanOneDatasetAndCentredOnTheMeanOfMeans() {
    List<double[]> datasets = List.of(hits(1000, 500), hits(1000, 700), hits(1000, 300));
    ConfidenceInterval overall = new Bootstrap().overall(datasets);
    ConfidenceInterval one = new Bootstrap().dataset(hits(1000, 500));
    assertThat(overall.lowPercent()).isLessThan(50.0).isGreaterThan(one.lowPercent());
    assertThat(overall.highPercent()).isGreaterThan(50.0).isLessThan(one.highPercent());
  }

  @Test
  void percentileIsNumpysLinearInterpolation() {
    // np.percentile([1, 2, 3, 4], [0, 2.5, 25, 26, 50, 97.5, 100])
    double[] sorted = {1, 2, 3, 4};
    assertThat(Bootstrap.percentile(sorted, 0.0)).isEqualTo(1.0);
    assertThat(Bootstrap.percentile(sorted, 0.025)).isCloseTo(1.075, within(1e-12));
    assertThat(Bootstrap.percentile(sorted, 0.25)).isEqualTo(1.75);
    assertThat(Bootstrap.percentile(sorted, 0.26)).isCloseTo(1.78, within(1e-12));
    assertThat(Bootstrap.percentile(sorted, 0.5)).isEqualTo(2.5);
    assertThat(Bootstrap.percentile(sorted, 0.975)).isCloseTo(3.925, within(1e-12));
    assertThat(Bootstrap.percentile(sorted, 1.0)).isEqualTo(4.0);
  }
}
