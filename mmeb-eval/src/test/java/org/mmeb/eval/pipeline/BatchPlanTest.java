package org.mmeb.eval.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.data.Item;

class BatchPlanTest {
  @Test
  void groupsTextOnlyItemsApartAndSortsByLength() {
    Item longText = Item.textOnly("1", "a much longer text");
    Item shortText = Item.textOnly("2", "short");
    Item image = new Item("3", "", List.of("a.png"));
    Item imageAndText = new Item("4", "caption", List.of("b.png"));
    List<List<Item>> plan = BatchPlan.of(List.of(imageAndText, longText, image, shortText), 2);
    assertThat(plan).containsExactly(List.of(shortText, longText), List.of(image, imageAndText));
  }

  @Test
  void theLastBatchHoldsTheRemainder() {
    List<Item> items =
        List.of(Item.textOnly("a", "x"), Item.textOnly("b", "y"), Item.textOnly("c", "z"));
    assertThat(BatchPlan.of(items, 2)).extracting(List::size).containsExactly(2, 1);
    assertThat(BatchPlan.of(List.of(), 8)).isEmpty();
  }

  @Test
  void aRampedPlanStartsWithAQuarterAndAHalfBatchInTheSameOrder() {
    List<Item> items =
        java.util.stream.IntStream.range(0, 100)
            .mapToObj(i -> Item.textOnly("k" + i, "x".repeat(i % 17)))
            .toList();
    List<List<Item>> ramped = BatchPlan.rampedUp(items, 32);
    assertThat(ramped).extracting(List::size).containsExactly(8, 16, 32, 32, 12);
    assertThat(ramped.stream().flatMap(List::stream))
        .containsExactlyElementsOf(BatchPlan.of(items, 32).stream().flatMap(List::stream).toList());
    assertThat(BatchPlan.rampedUp(items.subList(0, 5), 1)).extracting(List::size).containsOnly(1);
  }

  @Test
  void aBatchDependentEncoderKeepsFullBatches() {
    List<Item> items =
        java.util.stream.IntStream.range(0, 40).mapToObj(i -> Item.textOnly("k" + i, "t")).toList();
    assertThat(BatchPlan.forPipeline(items, 16, true)).isEqualTo(BatchPlan.of(items, 16));
    assertThat(BatchPlan.forPipeline(items, 16, false)).isEqualTo(BatchPlan.rampedUp(items, 16));
  }
}
