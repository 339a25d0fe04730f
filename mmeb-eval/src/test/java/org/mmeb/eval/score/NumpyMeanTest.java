package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumpyMeanTest {
  /**
   * numpy 2.4: np.mean([1 / (i + 1) for i in range(1000)]) == 0.007485470860550345, while a
   * left-to-right sum gives 0.007485470860550343.
   */
  @Test
  void matchesNumpyPairwiseSummationToTheLastBit() {
    double[] values = new double[1000];
    double sequential = 0;
    for (int i = 0; i < values.length; i++) {
      values[i] = 1.0 / (i + 1);
      sequential += values[i];
    }
    assertThat(NumpyMean.of(values)).isEqualTo(0.007485470860550345);
    assertThat(sequential / 1000).isEqualTo(0.007485470860550343);
  }

  @Test
  void smallArraysAreSummedLeftToRight() {
    assertThat(NumpyMean.of(new double[] {0.1, 0.2, 0.3})).isEqualTo((0.1 + 0.2 + 0.3) / 3);
    assertThat(NumpyMean.of(new double[0])).isNaN();
  }
}
