package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmeb.eval.UserError;

class DevicePlanTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "cpu; CPU; ; cpu",
        "CPU; CPU; ; cpu",
        "cuda; CUDA; 0; cuda:0",
        "cuda:1; CUDA; 1; cuda:1",
        "cuda:0,1; CUDA; 0,1; cuda:0,cuda:1",
        "cuda:0,cuda:2; CUDA; 0,2; cuda:0,cuda:2",
        "tensorrt:0; TENSORRT; 0; tensorrt:0"
      })
  void parsesDevicesIntoOneSessionPerGpu(
      String device, DevicePlan.Provider provider, String gpus, String described) {
    DevicePlan plan = DevicePlan.parse(device);
    assertThat(plan.provider()).isEqualTo(provider);
    List<Integer> expected =
        gpus == null ? List.of() : List.of(gpus.split(",")).stream().map(Integer::valueOf).toList();
    assertThat(plan.gpus()).isEqualTo(expected);
    assertThat(plan.describe()).isEqualTo(described);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"gpu; unknown device 'gpu'", "cuda:x; 'x' is not a GPU number"})
  void rejectsWhatItCannotParse(String device, String message) {
    assertThatThrownBy(() -> DevicePlan.parse(device))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(message);
  }
}
