package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;
import org.mmeb.eval.encode.StagedEncoder;

/** Bad specs fail when the model is opened, in one line naming the file and what was expected. */
class ModelSpecCheckTest {
  @TempDir Path dir;
  private String dual;

  @BeforeEach
  void copyFixture() throws IOException {
    try (Stream<Path> files = Files.list(TinyModelEncoderTest.DIR)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    dual = Files.readString(dir.resolve("dual.json"));
  }

  /** Regression: a missing max_length said "Cannot map `null` into type int" without the field. */
  @Test
  void aMissingMaxLengthNamesTheField() throws IOException {
    Path spec = write(dual.replaceFirst("\\s*\"max_length\": 16,", ""));
    assertThat(Files.readString(spec)).doesNotContain("max_length");
    assertThatThrownBy(() -> ModelSpecs.read(spec))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(spec + ": not a valid model spec: field '")
        .hasMessageContaining("max_length'");
  }

  @Test
  void unknownFieldIsRejectedWithTheFileAndTheField() throws IOException {
    Path spec = write(dual.replace("\"normalize\"", "\"normalise\": true, \"normalize\""));
    assertThatThrownBy(() -> ModelSpecs.read(spec))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(spec + ": not a valid model spec")
        .hasMessageContaining("normalise");
  }

  @Test
  void wrongInputNameNamesTheSpecsNameAndTheGraphsInputs() throws IOException {
    Path spec =
        write(dual.replace("\"pixel_values\": \"pixel_values\"", "\"pixel_values\": \"pixels\""));
    assertThatThrownBy(() -> OnnxEncoders.open(spec, "cpu"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("vision.onnx: the spec's pixel_values is 'pixels'")
        .hasMessageContaining("the graph's inputs are [pixel_values]");
  }

  @Test
  void graphInputTheSpecDoesNotMapIsNamed() throws IOException {
    Path spec = write(dual.replace("\"attention_mask\": \"attention_mask\",", ""));
    assertThatThrownBy(() -> OnnxEncoders.open(spec, "cpu"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("text.onnx: the graph needs input 'attention_mask'");
  }

  @Test
  void wrongOutputNameListsTheGraphsOutputs() throws IOException {
    Path spec = write(dual.replace("\"image_embeds\"", "\"pooler_output\""));
    assertThatThrownBy(() -> OnnxEncoders.open(spec, "cpu"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("the spec's output is 'pooler_output'")
        .hasMessageContaining("image_embeds")
        .hasMessageContaining("patch_tokens");
  }

  @Test
  void pooledOutputThatIsPerTokenIsExplained() throws Exception {
    Path spec = write(dual.replace("\"image_embeds\"", "\"patch_tokens\""));
    try (StagedEncoder encoder = OnnxEncoders.open(spec, "cpu")) {
      assertThatThrownBy(
              () ->
                  encoder.encode(
                      java.util.List.of(
                          new org.mmeb.eval.data.Item("i", "", java.util.List.of("wide.png"))),
                      TinyModelEncoderTest.IMAGES))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("pooling 'pooled' expects [batch, dim]");
    }
  }

  @Test
  void missingNormalizeIsRequired() throws IOException {
    Path spec = write(dual.replace(",\n \"normalize\": true", ""));
    assertThatThrownBy(() -> ModelSpecs.read(spec))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("normalize");
  }

  @Test
  void unknownDeviceIsBadInput() {
    assertThatThrownBy(() -> OnnxEncoders.open(dir.resolve("dual.json"), "gpu0"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("unknown device 'gpu0'");
  }

  @Test
  void fingerprintIgnoresTheNameButNotPreprocessingOrWeights() throws Exception {
    String base = fingerprint(dir.resolve("dual.json"));
    assertThat(fingerprint(write(dual.replace("tiny-dual", "renamed")))).isEqualTo(base);
    assertThat(fingerprint(write(dual.replace("\"crop\": 32", "\"crop\": 31")))).isNotEqualTo(base);
    byte[] text = Files.readAllBytes(dir.resolve("text.onnx"));
    Files.write(dir.resolve("text-copy.onnx"), text);
    assertThat(fingerprint(write(dual.replace("\"text.onnx\"", "\"text-copy.onnx\""))))
        .isEqualTo(base);
  }

  @Test
  void specsWithoutTheBaselineRulesKeepTheFingerprintTheirCommittedRunsRecorded() throws Exception {
    Path run = Path.of("results/mmeb-eval-demo/mmeb-mini/run.json");
    String recorded =
        Json.RUN_RECORD.readTree(run.toFile()).get("model").get("fingerprint").asText();
    assertThat(fingerprint(Path.of("models/demo/spec.json"))).isEqualTo(recorded);
  }

  @Test
  void eachBaselineRuleChangesTheFingerprint() throws Exception {
    String base = fingerprint(dir.resolve("dual.json"));
    String[][] edits = {
      {"\"pad_side\": \"right\"", "\"pad_side\": \"right\", \"mask\": \"not_pad\""},
      {"\"pad_side\": \"right\"", "\"pad_side\": \"right\", \"normalizer\": \"siglip\""},
      {"\"crop\": 32", "\"crop\": 32, \"crop_rounding\": \"round\""},
      {"\"normalize\": true", "\"normalize\": true, \"empty_text\": \"fuse\""}
    };
    for (String[] edit : edits) {
      assertThat(dual).contains(edit[0]);
      assertThat(fingerprint(write(dual.replace(edit[0], edit[1])))).as(edit[1]).isNotEqualTo(base);
    }
  }

  private String fingerprint(Path spec) throws Exception {
    try (StagedEncoder encoder = OnnxEncoders.open(spec, "cpu")) {
      return encoder.fingerprint();
    }
  }

  private Path write(String json) throws IOException {
    Path spec = Files.createTempFile(dir, "spec", ".json");
    Files.writeString(spec, json);
    return spec;
  }
}
