package org.mmeb.eval.report.leaderboard;

/** One output format of the leaderboard (Markdown, CSV, JSON, HTML): a pure function to text. */
public interface LeaderboardFormat {
  String render(Leaderboard board);
}
