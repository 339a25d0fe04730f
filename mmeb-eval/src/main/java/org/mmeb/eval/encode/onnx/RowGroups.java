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
 * <p>With {@link #fed}, each group's input tensors are made here too (for half-precision graphs
 * that includes converting the pixels), and {@link #close} closes them once the batch is done.
 *
 * @param whole whether the batch runs as one group (every row at the batch's length): {@code
 *     groups} is then that one group, the batch itself
 * @param groups rows of the batch and their inputs, cut to the group's length
 */
record RowGroups(int rows, boolean whole, List<Group> groups) implements AutoCloseable {
  /**
   * Rows of the batch and the inputs that run them (a lone row fed twice); {@code feeds}: their
   * tensors made beforehand, or null when the device thread makes them.
   */
  record Group(int[] rows, GraphInputs inputs, GraphFeeds feeds) {}

  /** Groups {@code in}'s rows; the cut copies go to {@code buffers} (a batch's pool), or null. */
  static RowGroups of(GraphInputs in, BatchBuffers buffers) {
    Map<Integer, List<Integer>> byLength = rowsByOwnLength(in);
    if (byLength.size() == 1
        && in.rows() > 1
        && (in.tokens() == null || byLength.containsKey(in.tokens().length()))) {
      return new RowGroups(in.rows(), true, List.of(new Group(null, in, null)));
    }
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> group : byLength.entrySet()) {
      int[] rows = group.getValue().stream().mapToInt(Integer::intValue).toArray();
      int[] fed = rows.length == 1 ? new int[] {rows[0], rows[0]} : rows;
      int length = in.tokens() == null ? 0 : group.getKey();
      groups.add(new Group(rows, in.select(fed, length, buffers), null));
    }
    return new RowGroups(in.rows(), false, groups);
  }

  /**
   * These groups with their input tensors made for {@code graph} ({@link GraphSession#feedsFor}).
   */
  RowGroups fed(GraphSession graph) {
    List<Group> fed = new ArrayList<>();
    for (Group group : groups) {
      fed.add(new Group(group.rows(), group.inputs(), graph.plannedFeeds(group.inputs())));
    }
    return new RowGroups(rows, whole, fed);
  }

  /** Closes the tensors made beforehand (the buffers under them go back with the batch). */
  @Override
  public void close() {
    for (Group group : groups) {
      if (group.feeds() != null) {
        group.feeds().close();
      }
    }
  }

  /** Bytes of the groups' cut copies (none when the batch runs whole). */
  long copiedBytes() {
    long bytes = 0;
    for (Group group : whole ? List.<Group>of() : groups) {
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
