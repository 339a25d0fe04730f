package org.mmeb.eval.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mmeb.eval.data.Item;

/**
 * Splits items into batches of similar shape: text-only items apart from items with images, and by
 * text length within each, so that a batch pads little. Order inside the plan is stable.
 */
public final class BatchPlan {
  private BatchPlan() {}

  public static List<List<Item>> of(List<Item> items, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    List<Item> sorted = new ArrayList<>(items);
    sorted.sort(
        Comparator.comparingInt((Item item) -> item.images().size())
            .thenComparingInt(item -> item.text().length()));
    List<List<Item>> batches = new ArrayList<>();
    for (int start = 0; start < sorted.size(); start += batchSize) {
      List<Item> batch = sorted.subList(start, Math.min(sorted.size(), start + batchSize));
      batches.add(List.copyOf(batch));
    }
    return batches;
  }
}
