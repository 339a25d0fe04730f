package org.mmeb.eval.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.data.CandidateNumbering;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.NumberedCandidates;
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
    addRowCandidates(data.rows(), unique);
    for (Item candidate : data.globalCandidates()) {
      unique.putIfAbsent(candidate.key(), candidate);
    }
    return new ArrayList<>(unique.values());
  }

  private static void addRowCandidates(List<QueryRow> rows, Map<String, Item> unique) {
    CandidateNumbering numbering = CandidateNumbering.sharedBy(rows);
    if (numbering != null) {
      addFirstOfEachNumber(rows, numbering, unique);
      return;
    }
    for (QueryRow row : rows) {
      for (Item candidate : row.candidates()) {
        unique.putIfAbsent(candidate.key(), candidate);
      }
    }
  }

  /**
   * Rows whose reader numbered their candidates: equal keys have equal numbers, so only a number's
   * first occurrence is looked up by key (a thousand keys in a V1 task, not a million).
   */
  private static void addFirstOfEachNumber(
      List<QueryRow> rows, CandidateNumbering numbering, Map<String, Item> unique) {
    boolean[] seen = new boolean[numbering.size()];
    for (QueryRow row : rows) {
      NumberedCandidates candidates = (NumberedCandidates) row.candidates();
      for (int j = 0; j < candidates.size(); j++) {
        int number = candidates.number(j);
        if (!seen[number]) {
          seen[number] = true;
          unique.putIfAbsent(candidates.get(j).key(), candidates.get(j));
        }
      }
    }
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
