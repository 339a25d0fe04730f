package org.mmeb.eval.pipeline;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;

/**
 * Each item's embedding-cache key: its protocol key (text and image paths) plus the content
 * identity of every image it names ({@link ImageStore#contentId}), so a dataset whose images
 * changed under the same paths is encoded again rather than answered with the old vectors. A
 * text-only item's cache key is its protocol key.
 */
final class CacheKeys {
  private static final String CONTENT_SEPARATOR = "\u001d";

  private final Map<String, String> byItemKey;

  private CacheKeys(Map<String, String> byItemKey) {
    this.byItemKey = byItemKey;
  }

  /**
   * Identifies the images of {@code items} on {@code threads} threads (hashing reads every byte).
   */
  static CacheKeys of(List<Item> items, ImageStore images, int threads) {
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
    try {
      return new CacheKeys(pool.submit(() -> cacheKeysByItemKey(items, images)).join());
    } finally {
      pool.shutdown();
    }
  }

  /** Run inside the pool, so the parallel stream uses its threads. */
  private static Map<String, String> cacheKeysByItemKey(List<Item> items, ImageStore images) {
    return items.parallelStream()
        .collect(
            HashMap<String, String>::new,
            (map, item) -> map.put(item.key(), cacheKey(item, images)),
            Map::putAll);
  }

  String of(Item item) {
    String key = byItemKey.get(item.key());
    if (key == null) {
      throw new IllegalStateException("no cache key for item '" + item.key() + "'");
    }
    return key;
  }

  /** The cache key of an item key, or null for a key this task does not have. */
  String ofItemKey(String itemKey) {
    return byItemKey.get(itemKey);
  }

  private static String cacheKey(Item item, ImageStore images) {
    if (!item.hasImages()) {
      return item.key();
    }
    StringBuilder key = new StringBuilder(item.key());
    for (String path : item.images()) {
      key.append(CONTENT_SEPARATOR).append(contentId(images, path));
    }
    return key.toString();
  }

  private static String contentId(ImageStore images, String path) {
    try {
      return images.contentId(path);
    } catch (IOException e) {
      throw new UserError(
          images.describe() + ": cannot read image '" + path + "': " + e.getMessage(), e);
    }
  }
}
