package org.mmeb.eval.encode.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmeb.eval.Json;

/**
 * The SigLIP, LAVIS and open_clip text normalisers against Python's own str and re running the
 * reference lines ({@code scripts/make_baseline_rule_goldens.py}), plus the hand-checked cases the
 * baselines hinge on.
 */
class TextNormalizerGoldenTest {
  private static final Path TEXTS =
      Path.of("mmeb-eval/src/test/resources/encode/baseline-rules/texts.json");

  record Case(String text, String siglip, String lavisCaption, String openClip) {
    @Override
    public String toString() {
      return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
  }

  static Stream<Case> cases() throws Exception {
    var tree = Json.PLAIN.readTree(TEXTS.toFile());
    return Stream.iterate(0, i -> i < tree.size(), i -> i + 1)
        .map(tree::get)
        .map(
            n ->
                new Case(
                    n.get("text").asText(),
                    n.get("siglip").asText(),
                    n.get("lavis_caption").asText(),
                    n.get("open_clip").asText()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void siglipEqualsTheSlowTokenizersCanonicalText(Case c) {
    assertThat(TextNormalizer.SIGLIP.apply(c.text())).isEqualTo(c.siglip());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void lavisCaptionEqualsPreCaption(Case c) {
    assertThat(TextNormalizer.LAVIS_CAPTION.apply(c.text())).isEqualTo(c.lavisCaption());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void openClipEqualsSimpleTokenizerCleaningWithoutFtfy(Case c) {
    assertThat(TextNormalizer.OPEN_CLIP.apply(c.text())).isEqualTo(c.openClip());
  }

  @Test
  void handCheckedCases() {
    assertThat(TextNormalizer.OPEN_CLIP.apply("  AT&amp;amp;T\n&lt;b&gt;  ")).isEqualTo("at&t <b>");
    assertThat(TextNormalizer.SIGLIP.apply("<|image_1|>\nRepresent the given image."))
        .isEqualTo("image1 represent the given image");
    assertThat(TextNormalizer.LAVIS_CAPTION.apply("<|image_1|>\nRepresent the given image."))
        .isEqualTo("<|image_1|>\nrepresent the given image");
    assertThat(TextNormalizer.LAVIS_CAPTION.apply("A  b:  c.")).isEqualTo("a b c");
    assertThat(TextNormalizer.NONE.apply(" As Is. ")).isEqualTo(" As Is. ");
  }
}
