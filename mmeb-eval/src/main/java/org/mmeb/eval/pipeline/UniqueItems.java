package org.mmeb.eval.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;

/**
 * Every item of a task once, by its protocol key, first occurrence wins: queries in row order, then
 * each row's candidates, then the global candidate set.
 */
public final class UniqueItems {
  private UniqueItems() {}

  public static List<Item> of(TaskData data) {
    Map<String, Item> unique = new LinkedHashMap<>();
    for (QueryRow row : data.rows()) {
      unique.putIfAbsent(row.query().key(), row.query());
    }
    for (QueryRow row : data.rows()) {
      for (Item candidate : row.candidates()) {
        unique.putIfAbsent(candidate.key(), candidate);
      }
    }
    for (Item candidate : data.globalCandidates()) {
      unique.putIfAbsent(candidate.key(), candidate);
    }
    return new ArrayList<>(unique.values());
  }

  /** Counts every item reference (before dedupe), for the results record. */
  public static int referenceCount(TaskData data) {
    int count = data.globalCandidates().size();
    for (QueryRow row : data.rows()) {
      count += 1 + row.candidates().size();
    }
    return count;
  }
}
