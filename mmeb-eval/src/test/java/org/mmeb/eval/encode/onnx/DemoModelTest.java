package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.Json;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.encode.StagedEncoder;

/**
 * The checked-in demo model (models/demo/, trained by scripts/train_demo_model.py) embeds its
 * reference training items in Java as torch did in the script, to 1e-4; and the random baseline
 * opens and gives unit vectors of the same size.
 */
class DemoModelTest {
  private static final Path DEMO = Path.of("models/demo");

  @Test
  void demoModelReproducesTheTrainingScriptsEmbeddings() throws Exception {
    JsonNode reference = Json.PLAIN.readTree(DEMO.resolve("reference/reference.json").toFile());
    List<Item> items = List.of(Json.PLAIN.treeToValue(reference.get("items"), Item[].class));
    try (StagedEncoder encoder = OnnxEncoders.open(DEMO.resolve("spec.json"), "cpu")) {
      float[][] vectors =
          encoder.encode(items, new FolderImageStore(DEMO.resolve("reference/images")));
      for (int i = 0; i < items.size(); i++) {
        float[] expected =
            TinyModelEncoderTest.floats(reference.get("embeddings").get(items.get(i).key()));
        assertThat(vectors[i]).hasSize(expected.length);
        for (int d = 0; d < expected.length; d++) {
          assertThat(vectors[i][d])
              .as("%s dim %d", items.get(i).key(), d)
              .isCloseTo(expected[d], Offset.offset(1e-4f));
        }
      }
    }
  }

  @Test
  void randomBaselineGivesUnitVectorsOfTheDemoSize() throws Exception {
    JsonNode reference = Json.PLAIN.readTree(DEMO.resolve("reference/reference.json").toFile());
    List<Item> items = List.of(Json.PLAIN.treeToValue(reference.get("items"), Item[].class));
    try (StagedEncoder encoder =
        OnnxEncoders.open(Path.of("models/random-baseline/spec.json"), "cpu")) {
      float[][] vectors =
          encoder.encode(items, new FolderImageStore(DEMO.resolve("reference/images")));
      for (float[] v : vectors) {
        double norm = 0;
        for (float x : v) {
          norm += x * x;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, Offset.offset(1e-5));
      }
    }
  }
}
