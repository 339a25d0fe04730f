package org.mmeb.eval.data;

import java.util.List;

/**
 * The keys items are deduplicated by. A content key joins image paths and text with control
 * characters that no data file uses, so it never equals a plain candidate name (a label, a path, a
 * corpus id): queries and candidates share one key space when a task is encoded.
 */
public final class ItemKeys {
  private static final String PATH_SEPARATOR = "\u001f";
  private static final String TEXT_SEPARATOR = "\u001e";

  private ItemKeys() {}

  /** The (text, images) pair: V1's dedupe rule, and every query's key. */
  public static String content(String text, List<String> images) {
    return String.join(PATH_SEPARATOR, images) + TEXT_SEPARATOR + text;
  }

  /** An item keyed by its content. */
  public static Item byContent(String text, List<String> images) {
    return new Item(content(text, images), text, images);
  }

  /** An item with a single optional image ("" = none, as in MMEB parquet files). */
  public static Item byContent(String text, String imagePath) {
    return byContent(text, imagePath.isEmpty() ? List.of() : List.of(imagePath));
  }
}
