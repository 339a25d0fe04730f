package org.mmeb.eval.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A local task's distinct candidates: each key's vector fetched, and its weight computed, once for
 * the task; every row's candidates as positions in the pool (equal keys, equal positions).
 */
final class CandidatePool {
  private final KeyIndex positionOf;
  private final WeightedVectors vectors;
  private final List<int[]> rows;

  private CandidatePool(KeyIndex positionOf, WeightedVectors vectors, List<int[]> rows) {
    this.positionOf = positionOf;
    this.vectors = vectors;
    this.rows = rows;
  }

  static CandidatePool of(
      List<List<String>> candidateKeys, EmbeddingLookup lookup, Similarity similarity) {
    KeyIndex positionOf = new KeyIndex();
    List<String> distinct = new ArrayList<>();
    List<int[]> rows = new ArrayList<>(candidateKeys.size());
    for (List<String> keys : candidateKeys) {
      rows.add(number(keys, positionOf, distinct));
    }
    float[][] vectors = distinct.stream().map(lookup::get).toArray(float[][]::new);
    return new CandidatePool(positionOf, WeightedVectors.of(vectors, similarity), rows);
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
   * Row {@code i} as {@link LocalRanker} reads it; its relevant candidates are found by pool
   * position (an int compare per candidate instead of a key lookup).
   */
  LocalRanker.Row rankerRow(int i, List<String> keys, Map<String, Double> relevance) {
    int[] relevant = positions(relevance.keySet());
    int[] at = rows.get(i);
    return new LocalRanker.Row(at, keys, j -> contains(relevant, at[j]), !relevance.isEmpty());
  }

  /** The pool positions of those keys that are in the pool. */
  private int[] positions(Set<String> keys) {
    int[] positions = new int[keys.size()];
    int found = 0;
    for (String key : keys) {
      int position = positionOf.find(key);
      if (position >= 0) {
        positions[found++] = position;
      }
    }
    return Arrays.copyOf(positions, found);
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }
}
