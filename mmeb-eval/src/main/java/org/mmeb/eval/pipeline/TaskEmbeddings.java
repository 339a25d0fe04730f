package org.mmeb.eval.pipeline;

import org.mmeb.eval.score.EmbeddingLookup;

/**
 * One task's vectors, looked up by item key (queries and candidates may be separate key spaces),
 * what producing them cost, and what to release when the task is scored (e.g. an open cache).
 */
public record TaskEmbeddings(
    EmbeddingLookup queries, EmbeddingLookup candidates, EncodingStats stats, AutoCloseable open)
    implements AutoCloseable {
  @Override
  public void close() throws Exception {
    open.close();
  }
}
