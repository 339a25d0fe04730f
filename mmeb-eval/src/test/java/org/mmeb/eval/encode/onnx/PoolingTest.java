package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pooling of a [batch, tokens, dim] output, with right and left padding. */
class PoolingTest {
  // one row, 3 tokens, dim 2: token t holds (t + 1, 10 * (t + 1))
  private static final float[] HIDDEN = {1, 10, 2, 20, 3, 30};

  @Test
  void meanCountsOnlyAttendedTokens() {
    assertThat(Pooling.MEAN.pool(HIDDEN, 0, 3, 2, new long[] {1, 1, 0})).containsExactly(1.5f, 15f);
    assertThat(Pooling.MEAN.pool(HIDDEN, 0, 3, 2, new long[] {0, 1, 1})).containsExactly(2.5f, 25f);
    assertThat(Pooling.MEAN.pool(HIDDEN, 0, 3, 2, null)).containsExactly(2f, 20f);
  }

  @Test
  void clsIsTheFirstToken() {
    assertThat(Pooling.CLS.pool(HIDDEN, 0, 3, 2, new long[] {1, 1, 0})).containsExactly(1f, 10f);
  }

  @Test
  void lastTokenIsTheLastAttendedOneOnEitherPaddingSide() {
    assertThat(Pooling.LAST_TOKEN.pool(HIDDEN, 0, 3, 2, new long[] {1, 1, 0}))
        .containsExactly(2f, 20f);
    assertThat(Pooling.LAST_TOKEN.pool(HIDDEN, 0, 3, 2, new long[] {0, 1, 1}))
        .containsExactly(3f, 30f);
  }

  @Test
  void secondRowStartsAfterTheFirst() {
    float[] twoRows = {0, 0, 0, 0, 0, 0, 1, 10, 2, 20, 3, 30};
    assertThat(Pooling.CLS.pool(twoRows, 1, 3, 2, new long[] {1, 1, 1})).containsExactly(1f, 10f);
  }
}
