package org.mmeb.eval.score;

/** A bootstrap percentile interval, in percent, with how it was made. */
public record ConfidenceInterval(
    double lowPercent, double highPercent, double level, int replicates, long seed) {}
