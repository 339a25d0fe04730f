package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameSamplerTest {
  /** Expected values printed by numpy: np.linspace(0, n - 1, 8, dtype=int).tolist(). */
  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "8; 0,1,2,3,4,5,6,7",
        "9; 0,1,2,3,4,5,6,8",
        "12; 0,1,3,4,6,7,9,11",
        "15; 0,2,4,6,8,10,12,14",
        "16; 0,2,4,6,8,10,12,15",
        "23; 0,3,6,9,12,15,18,22",
        "29; 0,4,8,12,16,20,24,28",
        "64; 0,9,18,27,36,45,54,63",
        "100; 0,14,28,42,56,70,84,99",
        "1000; 0,142,285,428,570,713,856,999"
      })
  void matchesNumpyLinspaceTruncatedToInt(int frames, String expected) {
    int[] want = java.util.Arrays.stream(expected.split(",")).mapToInt(Integer::parseInt).toArray();
    assertThat(FrameSampler.linspaceIndices(frames, 8)).containsExactly(want);
    List<Integer> all = IntStream.range(0, frames).boxed().toList();
    assertThat(FrameSampler.sample(all, 8))
        .containsExactly(IntStream.of(want).boxed().toArray(Integer[]::new));
  }

  @ParameterizedTest
  @CsvSource({"0", "1", "5", "7"})
  void fewerFramesThanSamplesKeepsThemAll(int frames) {
    List<Integer> all = new ArrayList<>(IntStream.range(0, frames).boxed().toList());
    assertThat(FrameSampler.sample(all, 8)).isEqualTo(all);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "frame_10.jpg,frame_2.jpg,frame_1.jpg; frame_1.jpg,frame_2.jpg,frame_10.jpg",
        "B2.png,a10.png,a9.png; a9.png,a10.png,B2.png",
        "x1y20,x1y3,x01y4; x1y3,x01y4,x1y20",
        "f007,f8,f7; f007,f7,f8"
      })
  void framesSortInNaturalOrder(String names, String expected) {
    List<String> sorted = new ArrayList<>(List.of(names.split(",")));
    sorted.sort(NaturalOrder.INSTANCE);
    assertThat(sorted).containsExactly(expected.split(","));
  }
}
