package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The warm-up's blocks are valid input for the kernel a run uses. */
class KernelWarmUpTest {
  @Test
  void everyKernelShapeRunsOnTheBestKernel() {
    assertThatCode(KernelWarmUp::run).doesNotThrowAnyException();
  }
}
