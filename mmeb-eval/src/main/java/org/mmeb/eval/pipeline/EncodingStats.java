package org.mmeb.eval.pipeline;

/**
 * What encoding one task cost: items referenced by the rows, unique items after dedupe, how many
 * came from the cache, how many were encoded now, and the time spent per stage (summed over worker
 * threads for decode/preprocess; wall time for inference).
 */
public record EncodingStats(
    int referencedItems,
    int uniqueItems,
    int cacheHits,
    int encoded,
    long decodeNanos,
    long preprocessNanos,
    long inferenceNanos,
    long wallNanos) {}
