package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxJavaType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.encode.StagedEncoder;

/**
 * Half-precision exports (scripts/make_gpu_fixtures.py): float16 and bfloat16 pixels in, float16
 * and bfloat16 token states and embeddings out, against the same weights exported in float32. Wrong
 * element types fail when the graph opens, naming the input, what was expected and what was found.
 */
class HalfPrecisionGraphTest {
  private static final Path HALF = Path.of("mmeb-eval/src/test/resources/encode/half");
  private static final FolderImageStore IMAGES =
      new FolderImageStore(Path.of("mmeb-eval/src/test/resources/encode/tiny/images"));
  private static final List<Item> ITEMS =
      List.of(
          Item.textOnly("text", "a red circle on blue background"),
          Item.textOnly("short", "green"),
          new Item("image", "", List.of("wide.png")),
          new Item("both", "a blue square", List.of("tall.png")),
          new Item("video", "", List.of("frame1.png", "frame2.png")));

  @ParameterizedTest
  @CsvSource({"spec16.json, 0.99999", "specbf16.json, 0.9999"})
  void halfPrecisionGraphsGiveTheFloat32Embeddings(String spec, double minCosine) throws Exception {
    float[][] reference = encode("spec32.json");
    float[][] half = encode(spec);
    for (int i = 0; i < ITEMS.size(); i++) {
      assertThat(cosine(half[i], reference[i])).as(ITEMS.get(i).key()).isGreaterThan(minCosine);
    }
  }

  @Test
  void halfPrecisionIsRoundedToNearestEven() {
    FloatBuffer third = FloatBuffer.wrap(new float[] {1f / 3, -2.5f, 65504f, 1e-8f});
    ShortBuffer fp16 = GraphFeeds.half(third, OnnxJavaType.FLOAT16);
    ShortBuffer bf16 = GraphFeeds.half(third, OnnxJavaType.BFLOAT16);
    // IEEE binary16: 1/3 = 0x3555, -2.5 = 0xC100, 65504 (largest finite) = 0x7BFF, 1e-8 -> +0
    assertThat(new short[] {fp16.get(0), fp16.get(1), fp16.get(2), fp16.get(3)})
        .containsExactly((short) 0x3555, (short) 0xC100, (short) 0x7BFF, (short) 0);
    // bfloat16 keeps float32's top 16 bits: 1/3 = 0x3EAAAAAB rounds up to 0x3EAB
    assertThat(bf16.get(0)).isEqualTo((short) 0x3EAB);
    assertThat(bf16.get(1)).isEqualTo((short) 0xC020);
  }

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "vision_graph| vision-double.onnx| input 'pixel_values' (the spec's pixel_values) is"
            + " float64; expected float32, float16 or bfloat16",
        "text_graph| text-float-ids.onnx| input 'input_ids' (the spec's input_ids) is float32;"
            + " expected int64 or int32"
      })
  void aWrongElementTypeFailsWhenTheGraphOpens(String graph, String file, String message)
      throws Exception {
    ObjectNode spec = (ObjectNode) Json.PLAIN.readTree(HALF.resolve("spec32.json").toFile());
    for (String g : List.of("text_graph", "vision_graph")) {
      ObjectNode node = (ObjectNode) spec.get(g);
      String name = g.equals(graph) ? file : node.get("file").asText();
      node.put("file", HALF.resolve(name).toAbsolutePath().toString());
    }
    spec.with("tokenizer").put("file", HALF.resolve("tokenizer.json").toAbsolutePath().toString());
    Path specFile = dir.resolve("spec.json");
    Json.PLAIN.writeValue(specFile.toFile(), spec);
    assertThatThrownBy(() -> OnnxEncoders.open(specFile, "cpu"))
        .isInstanceOf(UserError.class)
        .hasMessage(HALF.resolve(file).toAbsolutePath() + ": " + message);
  }

  private static float[][] encode(String spec) throws Exception {
    try (StagedEncoder encoder = OnnxEncoders.open(HALF.resolve(spec), "cpu")) {
      return encoder.encode(ITEMS, IMAGES);
    }
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
