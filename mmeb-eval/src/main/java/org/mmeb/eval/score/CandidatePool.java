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
   * use, in order of first appearance (the reader's own order when the rows are those it read), so
   * no key is hashed here.
   */
  static CandidatePool of(
      List<NumberedCandidates> numbered,
      CandidateNumbering numbering,
      EmbeddingLookup lookup,
      Similarity similarity) {
    PoolPositions positions = new PoolPositions(numbering.size());
    List<int[]> rows = numbered.stream().map(row -> positions.of(row, numbering)).toList();
    return new CandidatePool(
        WeightedVectors.of(vectorsAt(positions, numbering, lookup), similarity),
        rows,
        p -> numbering.key(positions.numberAt[p]),
        key -> positions.positionOfKey(numbering, key));
  }

  /** The vector of each pool position's candidate, fetched once. */
  private static float[][] vectorsAt(
      PoolPositions positions, CandidateNumbering numbering, EmbeddingLookup lookup) {
    float[][] vectors = new float[positions.size][];
    for (int p = 0; p < vectors.length; p++) {
      vectors[p] = lookup.get(numbering.key(positions.numberAt[p]));
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
    int[] of(NumberedCandidates row, CandidateNumbering numbering) {
      if (row.numbering() != numbering) {
        throw new IllegalArgumentException("rows numbered by different numberings");
      }
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
