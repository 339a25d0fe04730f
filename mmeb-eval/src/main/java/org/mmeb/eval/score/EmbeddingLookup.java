package org.mmeb.eval.score;

/**
 * Embeddings by item key ({@code data.Item.key()}), for the queries and the candidates of one task.
 * An implementation throws {@code UserError} naming the key (and its source) when a key has no
 * vector; the scorer never substitutes a default.
 */
@FunctionalInterface
public interface EmbeddingLookup {
  float[] get(String itemKey);
}
