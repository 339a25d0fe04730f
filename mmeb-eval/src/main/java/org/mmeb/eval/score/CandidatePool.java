package org.mmeb.eval.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.mmeb.eval.data.CandidateNumbering;
import org.mmeb.eval.data.KeyIndex;
import org.mmeb.eval.data.NumberedCandidates;

/**
 * A local task's distinct candidates: each key's vector fetched, and its weight computed, once for
 * the task; every row's candidates as positions in the pool (equal keys, equal positions), numbered
 * in order of first appearance.
 */
final class CandidatePool {
  private final WeightedVectors vectors;
  private final List<int[]> rows;
  private final IntFunction<String> keyAt;
  private final ToIntFunction<String> positionOf;

  private CandidatePool(
      WeightedVectors vectors,
      List<int[]> rows,
      IntFunction<String> keyAt,
      ToIntFunction<String> positionOf) {
    this.vectors = vectors;
    this.rows = rows;
    this.keyAt = keyAt;
    this.positionOf = positionOf;
  }

  /** Rows given by their keys: every key numbered here. */
  static CandidatePool of(
      List<List<String>> candidateKeys, EmbeddingLookup lookup, Similarity similarity) {
    KeyIndex positionOf = new KeyIndex();
    List<String> distinct = new ArrayList<>();
    List<int[]> rows = new ArrayList<>(candidateKeys.size());
    for (List<String> keys : candidateKeys) {
      rows.add(number(keys, positionOf, distinct));
    }
    float[][] vectors = distinct.stream().map(lookup::get).toArray(float[][]::new);
    return new CandidatePool(
        WeightedVectors.of(vectors, similarity), rows, distinct::get, positionOf::find);
  }

  /**
   * Rows numbered by their reader, all by {@code numbering}: the pool holds the numbers the rows
   * use, in order of first appearance, so no key is hashed here. When the rows are those the reader
   * numbered, in its order, each number is its own pool position and the rows' numbers are used as
   * they are (a V1 task's million positions neither copied nor written).
   */
  static CandidatePool of(
      List<NumberedCandidates> numbered,
      CandidateNumbering numbering,
      EmbeddingLookup lookup,
      Similarity similarity) {
    requireNumbering(numbered, numbering);
    int size = poolSizeIfInOrder(numbered, numbering.size());
    if (size >= 0) {
      return numbersAsPositions(numbered, size, numbering, lookup, similarity);
    }
    return numbersMapped(numbered, numbering, lookup, similarity);
  }

  /** The pool of rows whose numbers are given pool positions in order of first appearance. */
  private static CandidatePool numbersMapped(
      List<NumberedCandidates> numbered,
      CandidateNumbering numbering,
      EmbeddingLookup lookup,
      Similarity similarity) {
    PoolPositions positions = new PoolPositions(numbering.size());
    List<int[]> rows = numbered.stream().map(positions::of).toList();
    IntFunction<String> keyAt = p -> numbering.key(positions.numberAt[p]);
    return new CandidatePool(
        WeightedVectors.of(vectorsAt(positions.size, keyAt, lookup), similarity),
        rows,
        keyAt,
        key -> positions.positionOfKey(numbering, key));
  }

  private static void requireNumbering(
      List<NumberedCandidates> numbered, CandidateNumbering numbering) {
    for (NumberedCandidates row : numbered) {
      if (row.numbering() != numbering) {
        throw new IllegalArgumentException("rows numbered by different numberings");
      }
    }
  }

  /**
   * How many numbers the rows use when they first appear in increasing order from 0 (so that each
   * is its own pool position), -1 when they do not. Once all {@code numbers} have appeared, the
   * remaining rows cannot break the order and are not read.
   */
  private static int poolSizeIfInOrder(List<NumberedCandidates> numbered, int numbers) {
    int size = 0;
    for (int i = 0; i < numbered.size() && size >= 0 && size < numbers; i++) {
      size = poolSizeAfter(numbered.get(i).numbers(), size);
    }
    return size;
  }

  /** The pool size after a row when its new numbers continue [0, size) in order, else -1. */
  private static int poolSizeAfter(int[] numbers, int size) {
    for (int number : numbers) {
      if (number >= size) {
        if (number != size) {
          return -1;
        }
        size++;
      }
    }
    return size;
  }

  /** The pool of rows whose numbers are their pool positions, [0, size). */
  private static CandidatePool numbersAsPositions(
      List<NumberedCandidates> numbered,
      int size,
      CandidateNumbering numbering,
      EmbeddingLookup lookup,
      Similarity similarity) {
    List<int[]> rows = numbered.stream().map(NumberedCandidates::numbers).toList();
    return new CandidatePool(
        WeightedVectors.of(vectorsAt(size, numbering::key, lookup), similarity),
        rows,
        numbering::key,
        key -> {
          int number = numbering.numberOf(key);
          return number < size ? number : -1;
        });
  }

  /** The vector of each pool position's candidate, fetched once. */
  private static float[][] vectorsAt(int size, IntFunction<String> keyAt, EmbeddingLookup lookup) {
    float[][] vectors = new float[size][];
    for (int p = 0; p < size; p++) {
      vectors[p] = lookup.get(keyAt.apply(p));
    }
    return vectors;
  }

  /** Pool positions given to a numbering's numbers in order of first appearance. */
  private static final class PoolPositions {
    final int[] positionOfNumber;
    final int[] numberAt;
    int size;

    PoolPositions(int numbers) {
      positionOfNumber = new int[numbers];
      Arrays.fill(positionOfNumber, -1);
      numberAt = new int[numbers];
    }

    /** The pool position of the candidate with this key, -1 when no row uses it. */
    int positionOfKey(CandidateNumbering numbering, String key) {
      int number = numbering.numberOf(key);
      return number < 0 ? -1 : positionOfNumber[number];
    }

    /** The row's candidates as pool positions; numbers seen for the first time get the next. */
    int[] of(NumberedCandidates row) {
      int[] at = new int[row.size()];
      for (int j = 0; j < at.length; j++) {
        int number = row.number(j);
        if (positionOfNumber[number] < 0) {
          positionOfNumber[number] = size;
          numberAt[size++] = number;
        }
        at[j] = positionOfNumber[number];
      }
      return at;
    }
  }

  /**
   * The keys' numbers in the index; keys seen for the first time are appended to distinct. The
   * row's hashes are read first, in a pass of independent loads: the key objects are rarely in
   * cache (a million in a V1-sized task), and the probes that follow find them there.
   */
  private static int[] number(List<String> keys, KeyIndex index, List<String> distinct) {
    String[] row = keys.toArray(new String[0]);
    int[] at = new int[row.length];
    for (int j = 0; j < at.length; j++) {
      at[j] = row[j].hashCode();
    }
    for (int j = 0; j < at.length; j++) {
      at[j] = index.add(row[j], at[j]);
      if (at[j] == distinct.size()) {
        distinct.add(row[j]);
      }
    }
    return at;
  }

  WeightedVectors vectors() {
    return vectors;
  }

  /** Row {@code i}'s candidates: pool positions in the row's order. */
  int[] row(int i) {
    return rows.get(i);
  }

  /** Pairs the rows rank: the sum of their lengths. */
  long pairs() {
    return rows.stream().mapToLong(at -> at.length).sum();
  }

  /**
   * Row {@code i} as {@link LocalRanker} reads it; its relevant candidates given by pool position
   * (an int compare per candidate instead of a key lookup).
   */
  LocalRanker.Row rankerRow(int i, Map<String, Double> relevance) {
    return new LocalRanker.Row(
        rows.get(i), keyAt, positions(relevance.keySet()), !relevance.isEmpty());
  }

  /** The pool positions of those keys that are in the pool. */
  private int[] positions(Set<String> keys) {
    int[] positions = new int[keys.size()];
    int found = 0;
    for (String key : keys) {
      int position = positionOf.applyAsInt(key);
      if (position >= 0) {
        positions[found++] = position;
      }
    }
    return Arrays.copyOf(positions, found);
  }
}
