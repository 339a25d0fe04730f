package org.mmeb.eval.reason;

/**
 * A reasoning trace for one query, with the tokens the reasoner spent on it ({@code usage} of the
 * chat completion; 0 when unknown) and whether it was asked for in this run (false: read from the
 * trace cache or a traces file).
 */
public record Trace(String text, long promptTokens, long completionTokens, boolean requested) {}
