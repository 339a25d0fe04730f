package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.StagedEncoder;
import org.mmeb.eval.encode.text.InstructionSpec;

/**
 * Every shipped template under models/baselines/ opens against stand-in graphs with the inputs,
 * outputs, resolution and embedding size of its real export ({@code
 * scripts/make_baseline_template_fixtures.py}) and embeds text, image and text+image items.
 */
class BaselineTemplatesTest {
  static final Path FIXTURES = Path.of("mmeb-eval/src/test/resources/encode/baseline-templates");
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "clip, 768, NOT_PAD, NONE, FUSE_IF_BATCH_HAS_TEXT",
    "openclip, 512, REAL_TOKENS, OPEN_CLIP, FUSE_IF_BATCH_HAS_TEXT",
    "siglip, 1152, NOT_PAD, SIGLIP, FUSE_IF_BATCH_HAS_TEXT",
    "blip2, 768, REAL_TOKENS, LAVIS_CAPTION, FUSE"
  })
  void templateOpensAgainstGraphsOfItsExportAndEmbeds(
      String name, int dim, String mask, String normalizer, String emptyText) throws Exception {
    Path spec = dir.resolve("spec.json");
    Files.copy(Path.of("models/baselines", name, "spec.json"), spec);
    Files.copy(FIXTURES.resolve(name).resolve("text.onnx"), dir.resolve("text.onnx"));
    Files.copy(FIXTURES.resolve(name).resolve("vision.onnx"), dir.resolve("vision.onnx"));
    Files.copy(TinyModelEncoderTest.DIR.resolve("tokenizer.json"), dir.resolve("tokenizer.json"));

    ModelSpec read = ModelSpecs.read(spec);
    assertThat(read.instruction().mode()).isEqualTo(InstructionSpec.Mode.KEEP);
    assertThat(read.normalize()).isFalse();
    assertThat(read.tokenizer().maskRule().name()).isEqualTo(mask);
    assertThat(read.tokenizer().textNormalizer().name()).isEqualTo(normalizer);
    assertThat(read.emptyTextRule().name()).isEqualTo(emptyText);
    assertThat(read.dependsOnBatch()).isEqualTo(!name.equals("blip2"));

    List<Item> items =
        List.of(
            new Item("t", "<|image_1|>\nRepresent the given image: a red circle.", List.of()),
            new Item("i", "", List.of("wide.png")),
            new Item("ti", "<|image_1|>\nFind a red circle", List.of("tall.png")));
    try (StagedEncoder encoder = OnnxEncoders.open(spec, "cpu")) {
      float[][] vectors = encoder.encode(items, TinyModelEncoderTest.IMAGES);
      assertThat(vectors).hasNumberOfRows(3);
      for (float[] v : vectors) {
        assertThat(v).hasSize(dim);
        for (float x : v) {
          assertThat(Float.isFinite(x)).isTrue();
        }
      }
    }
  }
}
