package org.mmeb.eval.encode.onnx;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.mmeb.eval.UserError;
import org.mmeb.eval.encode.text.TokenizerSpec;
import org.mmeb.eval.encode.text.TokenizerVocabulary;

/**
 * Refuses, before anything is encoded, a spec whose {@code pad_id} or tokenizer gives ids that the
 * text graph's {@link TokenEmbeddingTable} has no row for. The tokenizer's own vocabulary is not
 * the bound: a graph can have more rows than its tokenizer has tokens, and a graph without such a
 * table takes any id.
 */
final class TokenIdBounds {
  private TokenIdBounds() {}

  static void check(Path specFile, ModelSpec spec, Path dir) {
    GraphSpec textGraph = spec.textGraph() != null ? spec.textGraph() : spec.graph();
    TokenizerSpec tokenizer = spec.tokenizer();
    if (textGraph == null || textGraph.inputIds() == null || tokenizer == null) {
      return;
    }
    Optional<TokenEmbeddingTable> table =
        TokenEmbeddingTable.of(dir.resolve(textGraph.file()), textGraph.inputIds());
    if (table.isEmpty()) {
      return;
    }
    String bound = bound(textGraph, table.get());
    if (tokenizer.padId() < 0 || tokenizer.padId() >= table.get().rows()) {
      throw new UserError(
          String.format(
              "%s: tokenizer.pad_id %d is outside %s", specFile, tokenizer.padId(), bound));
    }
    OptionalLong largest = TokenizerVocabulary.largestId(dir.resolve(tokenizer.file()));
    if (largest.isPresent() && largest.getAsLong() >= table.get().rows()) {
      throw new UserError(
          String.format(
              "%s: tokenizer.file %s has token ids up to %d, outside %s",
              specFile, tokenizer.file(), largest.getAsLong(), bound));
    }
  }

  private static String bound(GraphSpec graph, TokenEmbeddingTable table) {
    return String.format(
        "the token embedding table of %s (ids 0 to %d: '%s' has %d rows for input '%s')",
        graph.file(), table.rows() - 1, table.initializer(), table.rows(), graph.inputIds());
  }
}
