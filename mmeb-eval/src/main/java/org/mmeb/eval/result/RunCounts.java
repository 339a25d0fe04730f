package org.mmeb.eval.result;

/**
 * How much work a dataset (or the run) took: queries scored, unique items after dedupe, how many of
 * them came from the embedding cache, how many were encoded now.
 */
public record RunCounts(int queries, int uniqueItems, int cacheHits, int encoded) {
  public static final RunCounts NONE = new RunCounts(0, 0, 0, 0);

  public RunCounts plus(RunCounts o) {
    return new RunCounts(
        queries + o.queries,
        uniqueItems + o.uniqueItems,
        cacheHits + o.cacheHits,
        encoded + o.encoded);
  }
}
