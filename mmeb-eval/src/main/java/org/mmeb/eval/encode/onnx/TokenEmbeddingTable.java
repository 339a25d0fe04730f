package org.mmeb.eval.encode.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The table a graph's token ids index: an initializer that a {@code Gather} node reads at the ids
 * (the graph input itself, or a {@code Cast}, {@code Identity} or {@code Reshape} of it: CLIP's and
 * SigLIP's text towers in transformers reshape the ids to [-1, length] first). Its size along the
 * gather axis bounds every id the graph can take; an id past it makes ONNX Runtime fail mid-run on
 * CPU and read other memory on a GPU. With several such tables the smallest bounds.
 *
 * @param initializer the table's name in the graph
 * @param rows how many ids it has rows for: 0 to rows - 1
 */
record TokenEmbeddingTable(String initializer, long rows) {
  private static final Set<String> PASSES_IDS = Set.of("Cast", "Identity", "Reshape");

  /**
   * The table that {@code idsInput} of {@code graph} indexes; empty when the ids feed no {@code
   * Gather} on an initializer, or when the file cannot be read as an ONNX model (ONNX Runtime then
   * says why when it loads it).
   */
  static Optional<TokenEmbeddingTable> of(Path graph, String idsInput) {
    GraphWiring wiring;
    try {
      wiring = GraphWiring.read(graph);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    Set<String> ids = namesCarryingIds(wiring, idsInput);
    Optional<TokenEmbeddingTable> smallest = Optional.empty();
    for (GraphWiring.Node node : wiring.nodes()) {
      Optional<TokenEmbeddingTable> table = gatheredTable(node, ids, wiring);
      if (table.isPresent() && (smallest.isEmpty() || table.get().rows < smallest.get().rows)) {
        smallest = table;
      }
    }
    return smallest;
  }

  /** The ids input and every value that only changes its element type, name or shape. */
  private static Set<String> namesCarryingIds(GraphWiring wiring, String idsInput) {
    Set<String> names = new HashSet<>(Set.of(idsInput));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (GraphWiring.Node node : wiring.nodes()) {
        if (PASSES_IDS.contains(node.opType())
            && !node.inputs().isEmpty()
            && names.contains(node.inputs().get(0))) {
          grew |= names.addAll(node.outputs());
        }
      }
    }
    return names;
  }

  private static Optional<TokenEmbeddingTable> gatheredTable(
      GraphWiring.Node node, Set<String> ids, GraphWiring wiring) {
    if (!node.opType().equals("Gather") || node.inputs().size() < 2) {
      return Optional.empty();
    }
    long[] dims = wiring.initializerDims().get(node.inputs().get(0));
    if (dims == null || !ids.contains(node.inputs().get(1))) {
      return Optional.empty();
    }
    long axis = node.axis() < 0 ? node.axis() + dims.length : node.axis();
    return axis >= 0 && axis < dims.length
        ? Optional.of(new TokenEmbeddingTable(node.inputs().get(0), dims[(int) axis]))
        : Optional.empty();
  }
}
