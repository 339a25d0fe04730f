package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.encode.StagedEncoder;
import org.mmeb.eval.encode.text.TokenBatch;
import org.mmeb.eval.encode.text.TokenizerSpec;

/**
 * Shapes for GPU kernels: token lengths rounded up to multiples of 8, batches padded to a fixed
 * number of rows, TensorRT profiles. Padding must not change an embedding.
 */
class ShapeBucketsTest {
  private static final Path TINY = Path.of("mmeb-eval/src/test/resources/encode/tiny");
  private static final FolderImageStore IMAGES = new FolderImageStore(TINY.resolve("images"));
  private static final List<Item> ITEMS =
      List.of(
          Item.textOnly("a", "a red circle on blue background"),
          Item.textOnly("b", "green"),
          new Item("c", "", List.of("wide.png")),
          new Item("d", "what colour", List.of("tall.png")),
          new Item("e", "a short clip", List.of("frame1.png", "frame2.png")),
          Item.textOnly("f", "blue square"));

  @Test
  void tokenLengthsRoundUpToTheMultipleOnThePadSideAndStopAtMaxLength() {
    TokenBatch batch =
        new TokenBatch(new long[] {5, 6, 7, 9, 0, 0}, new long[] {1, 1, 1, 1, 0, 0}, 2, 3);
    TokenizerSpec right = new TokenizerSpec("t.json", 16, 0, TokenizerSpec.Side.RIGHT, null);
    TokenBatch r = TokenBuckets.roundUp(batch, 8, right);
    assertThat(r.length()).isEqualTo(8);
    assertThat(r.ids()).containsExactly(5, 6, 7, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0);
    assertThat(r.mask()).containsExactly(1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0);

    TokenizerSpec left = new TokenizerSpec("t.json", 5, 1, TokenizerSpec.Side.LEFT, null);
    TokenBatch l = TokenBuckets.roundUp(batch, 8, left);
    assertThat(l.length()).as("capped at max_length").isEqualTo(5);
    assertThat(l.ids()).containsExactly(1, 1, 5, 6, 7, 1, 1, 9, 0, 0);
    assertThat(l.mask()).containsExactly(0, 0, 1, 1, 1, 0, 0, 1, 0, 0);

    assertThat(TokenBuckets.roundUp(batch, 1, right)).isSameAs(batch);
  }

  @Test
  void onlyGraphsWithAnAttentionMaskAndLongestPaddingAreBucketed() {
    GraphSpec masked = new GraphSpec("t.onnx", "ids", "mask", null, null, "out", null);
    GraphSpec unmasked = new GraphSpec("t.onnx", "ids", null, null, null, "out", null);
    TokenizerSpec longest = new TokenizerSpec("t.json", 64, 0, null, null);
    TokenizerSpec fixed = new TokenizerSpec("t.json", 64, 1, null, TokenizerSpec.PadTo.MAX_LENGTH);
    assertThat(TokenBuckets.applies(masked, longest)).isTrue();
    assertThat(TokenBuckets.applies(unmasked, longest)).isFalse();
    assertThat(TokenBuckets.applies(masked, fixed)).isFalse();
  }

  @Test
  void bucketedAndRowPaddedRunsGiveTheSameEmbeddings() throws Exception {
    for (String spec : List.of("dual.json", "single.json")) {
      List<Item> items =
          spec.equals("single.json")
              ? ITEMS.stream().filter(i -> i.images().size() <= 1).toList()
              : ITEMS;
      float[][] plain = encode(spec, items, 1, 0);
      float[][] shaped = encode(spec, items, 8, 4);
      assertThat(shaped.length).isEqualTo(items.size());
      for (int i = 0; i < items.size(); i++) {
        assertThat(shaped[i])
            .as("%s %s", spec, items.get(i).key())
            .containsExactly(plain[i], Offset.offset(1e-6f));
      }
    }
  }

  @Test
  void tensorrtProfilesCoverOneRowToTheLargestBatchAndTheTokenizersMaxLength() {
    ModelSpec dual = ModelSpecs.read(TINY.resolve("dual.json"));
    assertThat(ShapeProfile.of(dual.textGraph(), dual))
        .isEqualTo(
            new ShapeProfile(
                "input_ids:1x1,attention_mask:1x1",
                "input_ids:32x8,attention_mask:32x8",
                "input_ids:512x16,attention_mask:512x16"));
    assertThat(ShapeProfile.of(dual.visionGraph(), dual))
        .isEqualTo(
            new ShapeProfile(
                "pixel_values:1x3x32x32", "pixel_values:32x3x32x32", "pixel_values:512x3x32x32"));
  }

  private static float[][] encode(String spec, List<Item> items, int tokenMultiple, int batchRows)
      throws Exception {
    ModelSpec model = ModelSpecs.read(TINY.resolve(spec));
    DeviceSettings settings =
        new DeviceSettings(
            0,
            DeviceSettings.ArenaExtend.NEXT_POWER_OF_TWO,
            DeviceSettings.ConvAlgoSearch.HEURISTIC,
            null,
            tokenMultiple,
            batchRows,
            DeviceSettings.ALL_CORES);
    SessionFactory factory =
        new SessionFactory(DevicePlan.CPU, settings, new PrintWriter(new StringWriter()));
    ModelInputs inputs = new ModelInputs(model, TINY.toAbsolutePath(), tokenMultiple);
    try (StagedEncoder encoder =
        model.architecture() == ModelSpec.Architecture.DUAL
            ? new DualTowerEncoder(inputs, factory, "test")
            : new SingleGraphEncoder(inputs, factory, "test")) {
      return encoder.encode(items, IMAGES);
    }
  }
}
