package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.Json;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.encode.StagedEncoder;
import org.mmeb.eval.encode.text.TextTokenizer;
import org.mmeb.eval.encode.text.TokenBatch;

/**
 * A real text model in a real ONNX Runtime session: Java's embeddings (batched, padded, masked mean
 * pooling) equal the float64 reference of scripts/minilm_reference.py, one sentence at a time.
 */
class MiniLmEncoderTest {
  record Reference(String text, long[] ids, float[] embedding) {}

  private static List<Reference> references;
  private static Path spec;

  @BeforeAll
  static void load() throws Exception {
    spec = MiniLmModel.spec();
    references =
        List.of(
            Json.PLAIN.readValue(
                MiniLmModel.RESOURCES.resolve("reference.json").toFile(), Reference[].class));
  }

  @Test
  void tokenIdsEqualTheReferenceWordPiece() {
    ModelSpec model = ModelSpecs.read(spec);
    try (TextTokenizer tokenizer =
        TextTokenizer.open(spec.resolveSibling(model.tokenizer().file()), model.tokenizer())) {
      for (Reference r : references) {
        TokenBatch batch = tokenizer.tokenize(List.of(r.text()));
        assertThat(batch.ids()).as(r.text()).containsExactly(r.ids());
      }
    }
  }

  @Test
  void textsRepeatedInABatchOrSeenBeforeTokenizeAsFreshOnes() {
    ModelSpec model = ModelSpecs.read(spec);
    try (TextTokenizer tokenizer =
        TextTokenizer.open(spec.resolveSibling(model.tokenizer().file()), model.tokenizer())) {
      List<String> texts = new ArrayList<>();
      for (Reference r : references) {
        texts.add(r.text());
        texts.add(r.text());
      }
      for (int pass = 0; pass < 2; pass++) { // the second pass comes from the cache
        TokenBatch batch = tokenizer.tokenize(texts);
        for (int row = 0; row < texts.size(); row++) {
          long[] ids = references.get(row / 2).ids();
          long[] padded = new long[batch.length()];
          System.arraycopy(ids, 0, padded, 0, ids.length);
          assertThat(
                  java.util.Arrays.copyOfRange(
                      batch.ids(), row * batch.length(), (row + 1) * batch.length()))
              .as("pass %d row %d", pass, row)
              .containsExactly(padded);
        }
      }
    }
  }

  @Test
  void aSingleGraphWithoutPixelsIsATextModel() throws Exception {
    Path single = spec.resolveSibling("single-text.json");
    Files.writeString(
        single,
        Files.readString(spec)
            .replace("\"architecture\": \"dual\"", "\"architecture\": \"single\"")
            .replace("\"text_graph\"", "\"graph\""));
    try (StagedEncoder encoder = OnnxEncoders.open(single, "cpu")) {
      assertMatchesReference(encoder.encode(items(), new FolderImageStore(Path.of("."))));
      Item withImage = new Item("img", "a photo", List.of("x.png"));
      assertThatThrownBy(
              () -> encoder.encode(List.of(withImage), new FolderImageStore(Path.of("."))))
          .isInstanceOf(org.mmeb.eval.UserError.class)
          .hasMessageContaining("text-only")
          .hasMessageContaining("'img'");
    }
  }

  @Test
  void paddedBatchMatchesUnpaddedReferenceTo1e4() throws Exception {
    try (StagedEncoder encoder = OnnxEncoders.open(spec, "cpu")) {
      float[][] vectors = encoder.encode(items(), new FolderImageStore(Path.of(".")));
      assertMatchesReference(vectors);
      assertThat(encoder.device()).isEqualTo("cpu");
      assertThat(encoder.fingerprint()).matches("[0-9a-f]{64}");
    }
  }

  @Test
  void cudaThatCannotLoadFallsBackToCpuWithOneLine() throws Exception {
    Assumptions.assumeFalse(
        Files.exists(Path.of("/dev/nvidia0")), "a GPU is present: the fallback path is not taken");
    StringWriter warnings = new StringWriter();
    try (StagedEncoder encoder =
        OnnxEncoders.open(spec, "cuda:0", new PrintWriter(warnings, true))) {
      assertThat(encoder.device()).isEqualTo("cpu");
      assertThat(warnings.toString().lines().toList())
          .singleElement()
          .asString()
          .startsWith("warning: cuda:0 unavailable (")
          .endsWith("); running on CPU");
      assertMatchesReference(encoder.encode(items(), new FolderImageStore(Path.of("."))));
    }
  }

  @Test
  void runsOnTheGpuWhenOneIsPresent() throws Exception {
    Assumptions.assumeTrue(
        Files.exists(Path.of("/dev/nvidia0")),
        "no GPU here (/dev/nvidia0 absent): the CUDA execution provider is not exercised");
    StringWriter warnings = new StringWriter();
    try (StagedEncoder encoder =
        OnnxEncoders.open(spec, "cuda:0", new PrintWriter(warnings, true))) {
      assertThat(warnings.toString()).isEmpty();
      assertThat(encoder.device()).isEqualTo("cuda:0");
      assertMatchesReference(encoder.encode(items(), new FolderImageStore(Path.of("."))));
    }
  }

  private static List<Item> items() {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < references.size(); i++) {
      items.add(Item.textOnly("s" + i, references.get(i).text()));
    }
    return items;
  }

  private static void assertMatchesReference(float[][] vectors) {
    assertThat(vectors.length).isEqualTo(references.size());
    for (int i = 0; i < vectors.length; i++) {
      float[] expected = references.get(i).embedding();
      assertThat(vectors[i]).as(references.get(i).text()).hasSameSizeAs(expected);
      for (int d = 0; d < expected.length; d++) {
        assertThat(vectors[i][d])
            .as("%s, dim %d", references.get(i).text(), d)
            .isCloseTo(expected[d], org.assertj.core.data.Offset.offset(1e-4f));
      }
    }
  }
}
