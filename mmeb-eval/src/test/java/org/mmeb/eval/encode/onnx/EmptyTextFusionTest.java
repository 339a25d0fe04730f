package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.StagedEncoder;

/**
 * The {@code empty_text} rule of dual models on the tiny towers, unnormalised so that a fused
 * vector is exactly the sum of what each tower gives alone: an image with an empty text is the
 * image alone, the image plus the text tower's embedding of {@code ""} (BLIP-2 in VLM2Vec's
 * eval_blip.py), or the latter only when the batch holds a non-empty text (its CLIP/SigLIP
 * collators).
 */
class EmptyTextFusionTest {
  @TempDir static Path dir;
  static final Item PLAIN = new Item("plain", "", List.of("wide.png"));
  static final Item CAPTIONED = new Item("captioned", "a red circle", List.of("tall.png"));
  static float[] imageAlone;
  static float[] emptyText;

  @BeforeAll
  static void towersAlone() throws Exception {
    // The empty text's embedding is far from zero, so fusing it or not is visible.
    for (String f : new String[] {"text.onnx", "vision.onnx", "tokenizer.json"}) {
      Files.copy(TinyModelEncoderTest.DIR.resolve(f), dir.resolve(f));
    }
    try (StagedEncoder encoder = OnnxEncoders.open(spec("image_only"), "cpu")) {
      imageAlone = encoder.encode(List.of(PLAIN), TinyModelEncoderTest.IMAGES)[0];
      emptyText = encoder.encode(List.of(new Item("t", "", List.of())), null)[0];
    }
    double norm = 0;
    for (float x : emptyText) {
      norm += x * x;
    }
    assertThat(norm).isGreaterThan(1e-3);
  }

  @Test
  void imageOnlyIgnoresTheEmptyText() throws Exception {
    assertClose(encode("image_only", PLAIN, CAPTIONED)[0], imageAlone);
  }

  @Test
  void fuseAlwaysAddsTheEmptyTextsEmbedding() throws Exception {
    assertSum(encode("fuse", PLAIN)[0]);
    assertSum(encode("fuse", PLAIN, CAPTIONED)[0]);
  }

  @Test
  void fuseIfBatchHasTextDependsOnTheBatch() throws Exception {
    assertClose(encode("fuse_if_batch_has_text", PLAIN)[0], imageAlone);
    assertSum(encode("fuse_if_batch_has_text", PLAIN, CAPTIONED)[0]);
  }

  @Test
  void aSingleGraphSpecRejectsTheRule() throws IOException {
    Path spec = dir.resolve("single-empty.json");
    ObjectNode json =
        (ObjectNode) Json.PLAIN.readTree(TinyModelEncoderTest.DIR.resolve("single.json").toFile());
    json.put("empty_text", "fuse");
    Json.PLAIN.writeValue(spec.toFile(), json);
    assertThatThrownBy(() -> ModelSpecs.read(spec))
        .isInstanceOf(UserError.class)
        .hasMessage(
            spec + ": 'empty_text' is for dual models (a single graph always takes the text)");
  }

  private static void assertSum(float[] fused) {
    float[] sum = new float[imageAlone.length];
    for (int d = 0; d < sum.length; d++) {
      sum[d] = imageAlone[d] + emptyText[d];
    }
    assertClose(fused, sum);
  }

  /** Equal up to float rounding (a tower's output moves in the last bits with the batch size). */
  private static void assertClose(float[] actual, float[] expected) {
    assertThat(actual).hasSize(expected.length);
    for (int d = 0; d < actual.length; d++) {
      assertThat(actual[d]).as("dim %d", d).isCloseTo(expected[d], Offset.offset(1e-5f));
    }
  }

  private static float[][] encode(String rule, Item... batch) throws Exception {
    try (StagedEncoder encoder = OnnxEncoders.open(spec(rule), "cpu")) {
      return encoder.encode(List.of(batch), TinyModelEncoderTest.IMAGES);
    }
  }

  private static Path spec(String rule) throws IOException {
    ObjectNode json =
        (ObjectNode) Json.PLAIN.readTree(TinyModelEncoderTest.DIR.resolve("dual.json").toFile());
    json.put("normalize", false).put("empty_text", rule);
    Path spec = dir.resolve(rule + ".json");
    Json.PLAIN.writeValue(spec.toFile(), json);
    return spec;
  }
}
