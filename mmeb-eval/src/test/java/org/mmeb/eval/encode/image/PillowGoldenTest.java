package org.mmeb.eval.encode.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Goldens from Pillow 9.4 + numpy ({@code scripts/make_preprocess_goldens.py}): the 8-bit image
 * after resize and crop must be equal byte for byte, the normalised tensor to float rounding.
 */
class PillowGoldenTest {
  private static final Path DIR = Path.of("mmeb-eval/src/test/resources/encode/preprocess");
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  record Case(String name, String source, ImageSpec image) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws Exception {
    Case[] cases = MAPPER.readValue(DIR.resolve("cases.json").toFile(), Case[].class);
    return Stream.of(cases);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void resizedImageEqualsPillowByteForByte(Case c) throws Exception {
    RgbImage input = ImageDecoder.decode(Files.readAllBytes(DIR.resolve(c.source())));
    RgbImage expected =
        ImageDecoder.decode(Files.readAllBytes(DIR.resolve(c.name() + "_resized.png")));

    RgbImage actual = new ImagePreprocessor(c.image()).resizeAndCrop(input);

    assertThat(actual.width()).isEqualTo(expected.width());
    assertThat(actual.height()).isEqualTo(expected.height());
    assertThat(actual.rgb()).isEqualTo(expected.rgb());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void tensorEqualsHuggingFaceNormalisation(Case c) throws Exception {
    RgbImage input = ImageDecoder.decode(Files.readAllBytes(DIR.resolve(c.source())));
    ImagePreprocessor preprocessor = new ImagePreprocessor(c.image());
    FloatBuffer actual = FloatBuffer.allocate(preprocessor.tensorSize() + 5);

    preprocessor.writeChw(input, actual, 5);

    FloatBuffer expected =
        ByteBuffer.wrap(Files.readAllBytes(DIR.resolve(c.name() + "_tensor.f32")))
            .order(ByteOrder.LITTLE_ENDIAN)
            .asFloatBuffer();
    assertThat(expected.remaining()).isEqualTo(preprocessor.tensorSize());
    for (int i = 0; i < expected.remaining(); i++) {
      assertThat(actual.get(5 + i)).as("element %d", i).isCloseTo(expected.get(i), within(1e-6f));
    }
  }

  private static org.assertj.core.data.Offset<Float> within(float tolerance) {
    return org.assertj.core.data.Offset.offset(tolerance);
  }
}
