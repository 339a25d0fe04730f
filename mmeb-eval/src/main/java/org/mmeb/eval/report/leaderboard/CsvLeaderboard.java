package org.mmeb.eval.report.leaderboard;

import java.util.List;
import org.mmeb.eval.report.ScoreText;

/**
 * The leaderboard as one long CSV (RFC 4180): a line per aggregate and per dataset of each row, so
 * both benchmarks fit one file and a spreadsheet pivot rebuilds any table.
 */
public final class CsvLeaderboard implements LeaderboardFormat {
  private static final List<String> HEADER =
      List.of(
          "benchmark",
          "model",
          "source",
          "present",
          "expected",
          "kind",
          "name",
          "group",
          "score",
          "note");

  @Override
  public String render(Leaderboard board) {
    StringBuilder out = new StringBuilder();
    line(HEADER, out);
    for (LeaderboardView view : board.views()) {
      for (LeaderboardRow row : view.rows()) {
        for (String column : view.columns()) {
          String group = view.groups().contains(column) ? "meta-task" : "";
          line(
              List.of(
                  field(view.benchmark()),
                  field(row.source().name()),
                  field(row.source().provenance()),
                  Integer.toString(row.present()),
                  Integer.toString(row.expected()),
                  "aggregate",
                  field(column),
                  group,
                  ScoreText.of(row.score(column)),
                  field(row.notes().getOrDefault(column, ""))),
              out);
        }
        for (LeaderboardRow.DatasetScoreCell cell : row.datasets()) {
          line(
              List.of(
                  field(view.benchmark()),
                  field(row.source().name()),
                  field(row.source().provenance()),
                  Integer.toString(row.present()),
                  Integer.toString(row.expected()),
                  "dataset",
                  field(cell.dataset()),
                  field(cell.group()),
                  ScoreText.of(cell.score()),
                  ""),
              out);
        }
      }
    }
    return out.toString();
  }

  private static void line(List<String> fields, StringBuilder out) {
    out.append(String.join(",", fields)).append("\r\n");
  }

  /**
   * Quotes a text field when it needs it, and defuses a leading formula character (=, +, -, @) so a
   * spreadsheet shows a model name instead of evaluating it.
   */
  static String field(String raw) {
    String text = raw;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    boolean quote = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
