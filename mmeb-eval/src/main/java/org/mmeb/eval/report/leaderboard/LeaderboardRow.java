package org.mmeb.eval.report.leaderboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmeb.eval.report.ScoreSource;

/**
 * A score source as the leaderboard shows it: its aggregates computed and rounded as the papers do.
 * Scores are percentages as displayed (one decimal, paper rounding already applied); a column the
 * source does not cover is absent, never 0. {@code notes} explain a cell, e.g. where a paper's
 * printed aggregate differs from the mean of its own per-dataset numbers.
 */
public record LeaderboardRow(
    ScoreSource source,
    Map<String, Double> scores,
    Map<String, String> notes,
    int present,
    int expected,
    List<DatasetScoreCell> datasets,
    Set<String> partial) {

  public LeaderboardRow {
    scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    notes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    datasets = List.copyOf(datasets);
    partial = Set.copyOf(partial);
  }

  /** A row none of whose cells is a mean over part of its group's datasets. */
  public LeaderboardRow(
      ScoreSource source,
      Map<String, Double> scores,
      Map<String, String> notes,
      int present,
      int expected,
      List<DatasetScoreCell> datasets) {
    this(source, scores, notes, present, expected, datasets, Set.of());
  }

  /** Whether the column's score is the mean over only some of its group's datasets. */
  public boolean partial(String column) {
    return partial.contains(column);
  }

  /** The score shown in a column, or NaN when the source does not cover it. */
  public double score(String column) {
    Double value = scores.get(column);
    return value == null ? Double.NaN : value;
  }

  /** One dataset's displayed score and the meta-task it belongs to. */
  public record DatasetScoreCell(String dataset, String group, double score) {}
}
