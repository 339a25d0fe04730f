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
}
