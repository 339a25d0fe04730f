package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.encode.Encoder;

/**
 * An item's embedding does not depend on the batch it was encoded in, bit for bit, on CPU: alone,
 * first of two, or among many (regression test for two bugs: a lone image took ONNX Runtime's
 * one-row kernel, and a text padded to a longer neighbour summed its tokens in another order; both
 * came out a few ulps apart from the same item in another batch).
 */
class BatchInvarianceTest {
  private static final Path TINY = Path.of("mmeb-eval/src/test/resources/encode/tiny");
  private static final List<Item> ITEMS =
      List.of(
          Item.textOnly("t", "a red circle"),
          new Item("i", "", List.of("images/wide.png")),
          new Item("ti", "<|image_1|> what is this?", List.of("images/tall.png")),
          new Item("v", "", List.of("images/frame1.png", "images/frame2.png")));
  private static final List<Item> OTHERS =
      List.of(
          Item.textOnly("o1", "a much longer text about a blue square and a green triangle"),
          new Item("o2", "", List.of("images/exact.png")),
          new Item("o3", "two", List.of("images/wide.png")),
          Item.textOnly("o4", "x"));

  @ParameterizedTest
  @ValueSource(strings = {"dual.json", "single.json", "models/demo/spec.json"})
  void anItemEncodesTheSameAloneAndInAnyBatch(String spec) throws Exception {
    Path file = spec.startsWith("models/") ? Path.of(spec) : TINY.resolve(spec);
    FolderImageStore images = new FolderImageStore(TINY);
    try (Encoder model = OnnxEncoders.open(file, "cpu")) {
      for (Item item : supported(spec)) {
        float[] alone = model.encode(List.of(item), images)[0];
        List<Item> pair = List.of(item, OTHERS.get(1));
        List<Item> many = new ArrayList<>(OTHERS);
        many.add(2, item);
        assertThat(model.encode(pair, images)[0]).as(item.key() + " in a pair").isEqualTo(alone);
        assertThat(model.encode(many, images)[2]).as(item.key() + " among 5").isEqualTo(alone);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void aTransformerTextEncodesTheSameWhateverItsNeighboursLengths() throws Exception {
    FolderImageStore none = new FolderImageStore(TINY);
    try (Encoder model = OnnxEncoders.open(MiniLmModel.spec(), "cpu")) {
      Item item = Item.textOnly("q", "a purple star on a grey background");
      float[] alone = model.encode(List.of(item), none)[0];
      List<Item> batch =
          List.of(
              Item.textOnly("s", "short"),
              item,
              Item.textOnly("l", "a much longer sentence that pads every other row of the batch"),
              Item.textOnly("m", "another text of the same length as the query's"));
      assertThat(model.encode(batch, none)[1]).isEqualTo(alone);
    }
  }

  /** The single-graph fixture takes one image per item, so no video there. */
  private static List<Item> supported(String spec) {
    return spec.equals("single.json") ? ITEMS.subList(0, 3) : ITEMS;
  }
}
