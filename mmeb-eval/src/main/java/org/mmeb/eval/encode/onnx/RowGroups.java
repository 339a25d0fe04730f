package org.mmeb.eval.encode.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a graph runs a batch, decided before the model runs (on a preparing worker, so the model's
 * thread only runs it): each row's vector must not depend on the other rows of the batch, bit for
 * bit, so results do not depend on --batch-size, on where a resumed run starts, or on how {@code
 * serve} groups requests ({@code BatchInvarianceTest}). On CPU two things break that: a padded
 * row's sums change with the padded length (reductions over tokens group their terms by length),
 * and one row alone takes another matrix kernel (a matrix-vector product). So rows run in groups of
 * equal own length (no padding) and a group of one runs as two copies of its row.
 *
 * @param whole the batch itself when it runs as one group (every row at the batch's length), else
 *     null
 * @param groups the groups otherwise: batch rows and their inputs, cut to the group's length
 */
record RowGroups(int rows, GraphInputs whole, List<Group> groups) {
  /** Rows of the batch and the inputs that run them (a lone row fed twice). */
  record Group(int[] rows, GraphInputs inputs) {}

  /** Groups {@code in}'s rows; the cut copies go to {@code buffers} (a batch's pool), or null. */
  static RowGroups of(GraphInputs in, BatchBuffers buffers) {
    Map<Integer, List<Integer>> byLength = rowsByOwnLength(in);
    if (byLength.size() == 1
        && in.rows() > 1
        && (in.tokens() == null || byLength.containsKey(in.tokens().length()))) {
      return new RowGroups(in.rows(), in, List.of());
    }
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> group : byLength.entrySet()) {
      int[] rows = group.getValue().stream().mapToInt(Integer::intValue).toArray();
      int[] fed = rows.length == 1 ? new int[] {rows[0], rows[0]} : rows;
      int length = in.tokens() == null ? 0 : group.getKey();
      groups.add(new Group(rows, in.select(fed, length, buffers)));
    }
    return new RowGroups(in.rows(), null, groups);
  }

  /** Bytes of the groups' cut copies (none when the batch runs whole). */
  long copiedBytes() {
    long bytes = 0;
    for (Group group : groups) {
      bytes += group.inputs().bytes();
    }
    return bytes;
  }

  /** The batch's rows grouped by their own padded length (one group for a graph without text). */
  private static Map<Integer, List<Integer>> rowsByOwnLength(GraphInputs in) {
    Map<Integer, List<Integer>> byLength = new TreeMap<>();
    for (int r = 0; r < in.rows(); r++) {
      byLength
          .computeIfAbsent(in.tokens() == null ? 0 : in.ownLength(r), k -> new ArrayList<>())
          .add(r);
    }
    return byLength;
  }
}
