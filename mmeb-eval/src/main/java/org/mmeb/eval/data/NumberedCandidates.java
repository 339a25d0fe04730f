package org.mmeb.eval.data;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * One row's candidates as its reader numbered them ({@link CandidateNumbering}): the items in the
 * row's order, each with the number of its key in the task. An immutable list of the items.
 */
public final class NumberedCandidates extends AbstractList<Item> implements RandomAccess {
  private final CandidateNumbering numbering;
  private final int[] numbers;
  private final Item[] items;

  NumberedCandidates(CandidateNumbering numbering, int[] numbers, Item[] items) {
    this.numbering = numbering;
    this.numbers = numbers;
    this.items = items;
  }

  @Override
  public Item get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  /** The number of candidate {@code index}'s key in {@link #numbering()}. */
  public int number(int index) {
    return numbers[index];
  }

  /**
   * Every candidate's number, in the row's order: the array itself, not a copy (scoring reads a
   * million per task), so never to be written.
   */
  public int[] numbers() {
    return numbers;
  }

  /** The task's numbering these numbers belong to. */
  public CandidateNumbering numbering() {
    return numbering;
  }
}
