package org.mmeb.eval.score;

/**
 * One query's result, kept so that two runs can be compared query by query (paired tests,
 * bootstrap).
 *
 * @param row the query's row in the task's source file
 * @param firstPositiveRank 1-based rank of its best-ranked positive; {@link QueryRanking#NO_LABELS}
 *     (0) or {@link QueryRanking#NOT_RANKED} (-1) when there is none
 * @param mainValue the query's value of the task's main metric (e.g. hit@1 ∈ {0, 1})
 */
public record QueryOutcome(int row, int firstPositiveRank, double mainValue) {}
