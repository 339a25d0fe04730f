package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.encode.Prepared;
import org.mmeb.eval.encode.StagedEncoder;
import org.mmeb.eval.encode.text.TextTokenizer;

/**
 * The tiny text + vision model of scripts/make_tiny_model_fixture.py in real ONNX Runtime sessions:
 * dual towers, one single graph and a mean-pooled vision graph reproduce the script's torch
 * embeddings (computed on Pillow-preprocessed pixels) to 1e-4.
 */
class TinyModelEncoderTest {
  static final Path DIR = Path.of("mmeb-eval/src/test/resources/encode/tiny");
  static final FolderImageStore IMAGES = new FolderImageStore(DIR.resolve("images"));
  private static JsonNode reference;
  private static List<Item> items;

  @BeforeAll
  static void load() throws Exception {
    reference = Json.PLAIN.readTree(DIR.resolve("reference.json").toFile());
    items = List.of(Json.PLAIN.treeToValue(reference.get("items"), Item[].class));
  }

  @Test
  void wordLevelTokenizerJsonLoadsInDjlWithTheScriptsIds() {
    ModelSpec spec = ModelSpecs.read(DIR.resolve("dual.json"));
    try (TextTokenizer tokenizer =
        TextTokenizer.open(DIR.resolve("tokenizer.json"), spec.tokenizer())) {
      for (Item item : items) {
        long[] ids = tokenizer.tokenize(List.of(spec.instruction().apply(item.text()))).ids();
        long[] expected = longs(reference.get("ids").get(item.key()));
        assertThat(ids)
            .as(item.key())
            .containsExactly(expected.length == 0 ? new long[] {0} : expected);
      }
    }
  }

  @Test
  void dualTowersMatchTheScriptInOneBatchAndOneByOne() throws Exception {
    try (StagedEncoder encoder = OnnxEncoders.open(DIR.resolve("dual.json"), "cpu")) {
      assertMatches(encoder.encode(items, IMAGES), items, "dual");
      for (Item item : items) {
        assertMatches(encoder.encode(List.of(item), IMAGES), List.of(item), "dual");
      }
    }
  }

  @Test
  void singleGraphMatchesTheScript() throws Exception {
    List<Item> oneImageAtMost = items.stream().filter(i -> i.images().size() <= 1).toList();
    try (StagedEncoder encoder = OnnxEncoders.open(DIR.resolve("single.json"), "cpu")) {
      assertMatches(encoder.encode(oneImageAtMost, IMAGES), oneImageAtMost, "single");
      Item video = items.stream().filter(i -> i.images().size() > 1).findFirst().orElseThrow();
      assertThatThrownBy(() -> encoder.encode(List.of(video), IMAGES))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("'video' has 2");
    }
  }

  @Test
  void meanPooledVisionGraphMatchesTheScript() throws Exception {
    List<Item> imageOnly = new ArrayList<>();
    reference.get("vision-mean").fieldNames().forEachRemaining(k -> imageOnly.add(byKey(k)));
    try (StagedEncoder encoder = OnnxEncoders.open(DIR.resolve("vision-mean.json"), "cpu")) {
      assertMatches(encoder.encode(imageOnly, IMAGES), imageOnly, "vision-mean");
    }
  }

  @Test
  void prepareOnAWorkerThreadThenInferGivesTheSameEmbeddingsAndTimesTheCpuStage() throws Exception {
    try (StagedEncoder encoder = OnnxEncoders.open(DIR.resolve("dual.json"), "cpu")) {
      Prepared prepared =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return encoder.prepare(items, IMAGES);
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .get();
      assertThat(prepared.size()).isEqualTo(items.size());
      assertThat(prepared.decodeNanos()).isPositive();
      assertThat(prepared.preprocessNanos()).isPositive();
      assertMatches(encoder.infer(prepared), items, "dual");
    }
  }

  @Test
  void prepareIsThreadSafe() throws Exception {
    try (StagedEncoder encoder = OnnxEncoders.open(DIR.resolve("dual.json"), "cpu")) {
      List<CompletableFuture<Prepared>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return encoder.prepare(items, IMAGES);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }));
      }
      for (CompletableFuture<Prepared> future : futures) {
        assertMatches(encoder.infer(future.get()), items, "dual");
      }
    }
  }

  @Test
  void aMissingImageNamesThePathAndTheStore() throws Exception {
    try (StagedEncoder encoder = OnnxEncoders.open(DIR.resolve("dual.json"), "cpu")) {
      Item missing = new Item("m", "", List.of("nope.png"));
      assertThatThrownBy(() -> encoder.prepare(List.of(missing), IMAGES))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("'nope.png'")
          .hasMessageContaining(IMAGES.describe());
    }
  }

  private static Item byKey(String key) {
    return items.stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
  }

  private static void assertMatches(float[][] vectors, List<Item> batch, String model) {
    assertThat(vectors.length).isEqualTo(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      float[] expected = floats(reference.get(model).get(batch.get(i).key()));
      assertThat(vectors[i]).as("%s %s", model, batch.get(i).key()).hasSize(expected.length);
      for (int d = 0; d < expected.length; d++) {
        assertThat(vectors[i][d])
            .as("%s %s dim %d", model, batch.get(i).key(), d)
            .isCloseTo(expected[d], Offset.offset(1e-4f));
      }
    }
  }

  static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) array.get(i).asDouble();
    }
    return out;
  }

  private static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }
}
