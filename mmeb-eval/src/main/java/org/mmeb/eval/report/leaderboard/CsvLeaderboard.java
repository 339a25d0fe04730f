package org.mmeb.eval.report.leaderboard;

import java.util.ArrayList;
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
        aggregateLines(view, row, out);
        datasetLines(view, row, out);
      }
    }
    return out.toString();
  }

  private static void aggregateLines(LeaderboardView view, LeaderboardRow row, StringBuilder out) {
    for (String column : view.columns()) {
      String group = view.groups().contains(column) ? "meta-task" : "";
      String note = field(row.notes().getOrDefault(column, ""));
      String score = ScoreText.of(row.score(column));
      line(fields(view, row, "aggregate", field(column), group, score, note), out);
    }
  }

  private static void datasetLines(LeaderboardView view, LeaderboardRow row, StringBuilder out) {
    for (LeaderboardRow.DatasetScoreCell cell : row.datasets()) {
      String score = ScoreText.of(cell.score());
      line(
          fields(view, row, "dataset", field(cell.dataset()), field(cell.group()), score, ""), out);
    }
  }

  /** The row's leading fields (benchmark, model, source, coverage), then {@code cell}. */
  private static List<String> fields(LeaderboardView view, LeaderboardRow row, String... cell) {
    List<String> fields = new ArrayList<>();
    fields.add(field(view.benchmark()));
    fields.add(field(row.source().name()));
    fields.add(field(row.source().provenance()));
    fields.add(Integer.toString(row.present()));
    fields.add(Integer.toString(row.expected()));
    fields.addAll(List.of(cell));
    return fields;
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
