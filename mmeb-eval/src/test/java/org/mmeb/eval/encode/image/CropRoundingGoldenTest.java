package org.mmeb.eval.encode.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmeb.eval.Json;

/**
 * {@code crop_rounding: round} against torchvision 0.14's {@code Resize + CenterCrop} on PIL images
 * (open_clip's eval transform; {@code scripts/make_baseline_rule_goldens.py}), byte for byte.
 */
class CropRoundingGoldenTest {
  private static final Path DIR = Path.of("mmeb-eval/src/test/resources/encode/baseline-rules");

  record Case(String name, String source, int size, int crop) {
    ImageSpec spec(ImageSpec.CropRounding rounding) {
      return new ImageSpec(
          ImageSpec.Resize.SHORTEST_SIDE, size, null, null, crop, null, null, null, rounding);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws Exception {
    JsonNode cases = Json.PLAIN.readTree(DIR.resolve("crops.json").toFile()).get("cases");
    return Stream.iterate(0, i -> i < cases.size(), i -> i + 1)
        .map(cases::get)
        .map(
            n ->
                new Case(
                    n.get("name").asText(),
                    n.get("source").asText(),
                    n.get("size").asInt(),
                    n.get("crop").asInt()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void roundEqualsTorchvisionByteForByte(Case c) throws Exception {
    RgbImage expected = decode(c.name() + "_torchvision.png");
    RgbImage actual =
        new ImagePreprocessor(c.spec(ImageSpec.CropRounding.ROUND))
            .resizeAndCrop(decode(c.source()));
    assertThat(actual.width()).isEqualTo(expected.width());
    assertThat(actual.height()).isEqualTo(expected.height());
    assertThat(actual.rgb()).isEqualTo(expected.rgb());
  }

  @Test
  void floorDiffersFromTorchvisionExactlyWhereHalfTheMarginRoundsUp() throws Exception {
    for (String name : new String[] {"wide_margin7", "square_margin3", "wide_margin11"}) {
      Case c = cases().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
      RgbImage floor =
          new ImagePreprocessor(c.spec(ImageSpec.CropRounding.FLOOR))
              .resizeAndCrop(decode(c.source()));
      assertThat(floor.rgb()).as(name).isNotEqualTo(decode(name + "_torchvision.png").rgb());
    }
  }

  @Test
  void offsetsAreHalvesRoundedToEven() {
    int[] margins = {0, 1, 2, 3, 4, 5, 6, 7, 11};
    int[] round = {0, 0, 1, 2, 2, 2, 3, 4, 6};
    int[] floor = {0, 0, 1, 1, 2, 2, 3, 3, 5};
    for (int i = 0; i < margins.length; i++) {
      assertThat(ImageSpec.CropRounding.ROUND.offset(margins[i])).isEqualTo(round[i]);
      assertThat(ImageSpec.CropRounding.FLOOR.offset(margins[i])).isEqualTo(floor[i]);
    }
  }

  private static RgbImage decode(String file) throws Exception {
    return ImageDecoder.decode(Files.readAllBytes(DIR.resolve(file)));
  }
}
