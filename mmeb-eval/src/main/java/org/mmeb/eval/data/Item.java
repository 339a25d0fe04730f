package org.mmeb.eval.data;

import java.util.List;
import java.util.Objects;

/**
 * One thing to embed: text (instruction included, possibly empty) and zero or more images (one for
 * an image, eight sampled frames for a video). {@code key} is the protocol's dedupe key: two items
 * with the same key are encoded once and share one embedding.
 */
public record Item(String key, String text, List<String> images) {
  public Item {
    Objects.requireNonNull(key, "key");
    text = text == null ? "" : text;
    images = images == null ? List.of() : List.copyOf(images);
  }

  public static Item textOnly(String key, String text) {
    return new Item(key, text, List.of());
  }

  public boolean hasImages() {
    return !images.isEmpty();
  }
}
