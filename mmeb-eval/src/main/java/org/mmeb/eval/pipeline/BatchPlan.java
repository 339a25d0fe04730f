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
    return cut(sorted(items, batchSize), batchSize, batchSize);
  }

  /**
   * For a pipeline whose vectors do not depend on the batch: the same order, but the first batch
   * holds a quarter of {@code batchSize} items and the second half of it. The model cannot start
   * before the first batch is prepared; a small one starts it sooner, and each following batch is
   * prepared while the model runs the one before, which is half its size. Batches of a {@link
   * org.mmeb.eval.encode.Encoder#batchDependent} encoder must keep {@link #of}'s cut.
   */
  public static List<List<Item>> rampedUp(List<Item> items, int batchSize) {
    return cut(sorted(items, batchSize), batchSize, Math.max(1, batchSize / 4));
  }

  /** {@link #rampedUp} when the encoder allows it, else {@link #of}. */
  public static List<List<Item>> forPipeline(List<Item> items, int batchSize, boolean dependent) {
    return dependent ? of(items, batchSize) : rampedUp(items, batchSize);
  }

  private static List<Item> sorted(List<Item> items, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    List<Item> sorted = new ArrayList<>(items);
    sorted.sort(
        Comparator.comparingInt((Item item) -> item.images().size())
            .thenComparingInt(item -> item.text().length()));
    return sorted;
  }

  /** Consecutive batches of {@code first}, twice that, ... up to {@code batchSize} items. */
  private static List<List<Item>> cut(List<Item> sorted, int batchSize, int first) {
    List<List<Item>> batches = new ArrayList<>();
    int size = first;
    for (int start = 0;
        start < sorted.size();
        start += size, size = Math.min(batchSize, 2 * size)) {
      List<Item> batch = sorted.subList(start, Math.min(sorted.size(), start + size));
      batches.add(List.copyOf(batch));
    }
    return batches;
  }
}
