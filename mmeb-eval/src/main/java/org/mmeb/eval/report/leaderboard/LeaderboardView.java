package org.mmeb.eval.report.leaderboard;

import java.util.List;

/**
 * One benchmark's table: its aggregate columns (V1: CLS, VQA, RET, GD, IND, OOD, Overall), which of
 * them are meta-task groups (the bar chart's groups), and one row per model and source, best first
 * by the last column.
 */
public record LeaderboardView(
    String benchmark,
    String title,
    List<String> columns,
    List<String> groups,
    List<LeaderboardRow> rows) {
  public LeaderboardView {
    columns = List.copyOf(columns);
    groups = List.copyOf(groups);
    rows = List.copyOf(rows);
    if (!columns.containsAll(groups)) {
      throw new IllegalArgumentException("groups " + groups + " are not all columns " + columns);
    }
  }

  /** The headline column (Overall for V1, All for V2) that orders the rows. */
  public String headline() {
    return columns.get(columns.size() - 1);
  }
}
