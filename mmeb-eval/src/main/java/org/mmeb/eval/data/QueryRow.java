package org.mmeb.eval.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One query of a task with its own candidates (empty for tasks that rank a global corpus) and its
 * relevance labels: candidate key → grade (> 0). V1 rows have one label, the key of candidate 0.
 *
 * @param row 0-based row index in the source file, kept for error messages and per-query outcomes
 * @param candidates for a {@code local} task as read, {@link NumberedCandidates} of one numbering
 *     for the whole task
 */
public record QueryRow(int row, Item query, List<Item> candidates, Map<String, Double> relevance) {
  public QueryRow {
    Objects.requireNonNull(query, "query");
    // numbered candidates are immutable already, and scoring reads their numbers
    candidates = candidates instanceof NumberedCandidates ? candidates : List.copyOf(candidates);
    relevance = Map.copyOf(relevance);
  }
}
