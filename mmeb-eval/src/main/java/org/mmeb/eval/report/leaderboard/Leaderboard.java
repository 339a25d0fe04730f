package org.mmeb.eval.report.leaderboard;

import java.util.List;

/** Everything a leaderboard file shows: one view per benchmark, already aggregated and rounded. */
public record Leaderboard(List<LeaderboardView> views) {
  public Leaderboard {
    views = List.copyOf(views);
  }
}
