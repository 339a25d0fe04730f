package org.mmeb.eval.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A local task's candidates numbered once, by the reader, as it builds the rows: each distinct key
 * gets the next number in order of first appearance (rows in file order), and each row keeps its
 * candidates as those numbers ({@link NumberedCandidates}). Rows of a classification task repeat
 * the same labels: numbering while a key was just built costs one hash and one probe, replaces the
 * row's equal items by one shared item per key (a V1 task holds a thousand candidate objects, not a
 * million), and lets scoring and the encoding dedupe use the numbers instead of hashing the keys
 * again. Filled by one thread; read by any once the task's rows are built.
 */
public final class CandidateNumbering {
  private final KeyIndex index = new KeyIndex();
  private final List<Item> distinct = new ArrayList<>();

  /**
   * The row's candidates numbered. A candidate equal to the first item of its key is replaced by
   * that item; one that shares the key but not the text or images (a protocol that keys candidates
   * by name) stays the row's own.
   */
  public NumberedCandidates number(List<Item> candidates) {
    int[] numbers = new int[candidates.size()];
    Item[] items = new Item[numbers.length];
    for (int j = 0; j < numbers.length; j++) {
      Item candidate = candidates.get(j);
      numbers[j] = index.add(candidate.key());
      if (numbers[j] == distinct.size()) {
        distinct.add(candidate);
      }
      Item first = distinct.get(numbers[j]);
      items[j] = sameContent(first, candidate) ? first : candidate;
    }
    return new NumberedCandidates(this, numbers, items);
  }

  /**
   * The rows with their candidates numbered by one numbering: as they are when they already are,
   * else all numbered again in row order (rows a reader built without numbering them).
   */
  public static List<QueryRow> rows(List<QueryRow> rows) {
    if (!rows.isEmpty() && sharedBy(rows) != null) {
      return rows;
    }
    CandidateNumbering numbering = new CandidateNumbering();
    List<QueryRow> numbered = new ArrayList<>(rows.size());
    for (QueryRow row : rows) {
      NumberedCandidates candidates = numbering.number(row.candidates());
      numbered.add(new QueryRow(row.row(), row.query(), candidates, row.relevance()));
    }
    return numbered;
  }

  /**
   * The numbering every row's candidates are {@link NumberedCandidates} of, or null when some row's
   * are not numbered or rows were numbered apart (or there are no rows).
   */
  public static CandidateNumbering sharedBy(List<QueryRow> rows) {
    CandidateNumbering shared = null;
    for (QueryRow row : rows) {
      if (!(row.candidates() instanceof NumberedCandidates candidates)
          || (shared != null && candidates.numbering() != shared)) {
        return null;
      }
      shared = candidates.numbering();
    }
    return shared;
  }

  private static boolean sameContent(Item first, Item candidate) {
    return first == candidate
        || (first.text().equals(candidate.text()) && first.images().equals(candidate.images()));
  }

  /** How many distinct candidate keys the rows have. */
  public int size() {
    return distinct.size();
  }

  /** The key numbered {@code number}. */
  public String key(int number) {
    return distinct.get(number).key();
  }

  /** The key's number, or -1 when no row has it. */
  public int numberOf(String key) {
    return index.find(key);
  }

  /** Every distinct candidate once (the first item of each key), by number. */
  public List<Item> distinct() {
    return List.copyOf(distinct);
  }
}
