package org.mmeb.eval.report.leaderboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.report.ScoreText;

/** The leaderboard as Markdown: per benchmark, the aggregate table, its notes, then per dataset. */
public final class MarkdownLeaderboard implements LeaderboardFormat {
  private final boolean perDataset;

  /** The whole leaderboard, per-dataset tables included. */
  public MarkdownLeaderboard() {
    this(true);
  }

  /** With {@code perDataset} false, only the aggregate tables and their notes (for a terminal). */
  public MarkdownLeaderboard(boolean perDataset) {
    this.perDataset = perDataset;
  }

  @Override
  public String render(Leaderboard board) {
    StringBuilder out = new StringBuilder("# MMEB leaderboard\n");
    for (LeaderboardView view : board.views()) {
      out.append("\n## ").append(text(view.title())).append("\n\n");
      aggregateTable(view, out);
      notes(view, out);
      if (perDataset) {
        datasetTable(view, out);
      }
    }
    return out.toString();
  }

  private static void aggregateTable(LeaderboardView view, StringBuilder out) {
    CellNotes notes = new CellNotes(view);
    List<String> header = new ArrayList<>(List.of("#", "Model", "Source", "Coverage"));
    view.columns().forEach(c -> header.add(text(c)));
    row(header, out);
    List<String> rule = new ArrayList<>(List.of("---:", "---", "---", "---:"));
    view.columns().forEach(c -> rule.add("---:"));
    row(rule, out);
    for (int r = 0; r < view.rows().size(); r++) {
      row(aggregateCells(r + 1, view.rows().get(r), view, notes), out);
    }
  }

  private static List<String> aggregateCells(
      int rank, LeaderboardRow r, LeaderboardView view, CellNotes notes) {
    List<String> cells = new ArrayList<>();
    cells.add(Integer.toString(rank));
    cells.add(text(r.source().name()));
    cells.add(text(r.source().provenance()));
    cells.add(r.present() + "/" + r.expected());
    view.columns().forEach(column -> cells.add(scoreCell(r, column, notes.numberOf(r, column))));
    return cells;
  }

  /** A score, marked when partial, with its note's number (0: none). */
  private static String scoreCell(LeaderboardRow r, String column, int note) {
    return ScoreText.of(r.score(column))
        + (r.partial(column) ? " (partial)" : "")
        + (note > 0 ? " [" + note + "]" : "");
  }

  private static void notes(LeaderboardView view, StringBuilder out) {
    List<CellNotes.Numbered> notes = new CellNotes(view).all();
    if (!notes.isEmpty()) {
      out.append('\n');
    }
    for (CellNotes.Numbered note : notes) {
      out.append("- [").append(note.number()).append("] ");
      out.append(text(note.model())).append(", ").append(text(note.column())).append(": ");
      out.append(text(note.text())).append('\n');
    }
  }

  private static void datasetTable(LeaderboardView view, StringBuilder out) {
    out.append("\n### Per dataset\n\n");
    datasetTableHead(view, out);
    datasetGroups(view)
        .forEach(
            (dataset, group) -> {
              List<String> cells = new ArrayList<>(List.of(text(dataset), text(group)));
              view.rows().forEach(r -> cells.add(datasetScore(r, dataset)));
              row(cells, out);
            });
  }

  /** Dataset and group, then one column per row (its model). */
  private static void datasetTableHead(LeaderboardView view, StringBuilder out) {
    List<String> header = new ArrayList<>(List.of("Dataset", "Group"));
    view.rows().forEach(r -> header.add(text(r.source().name())));
    row(header, out);
    List<String> rule = new ArrayList<>(List.of("---", "---"));
    view.rows().forEach(r -> rule.add("---:"));
    row(rule, out);
  }

  /** The row's displayed score on a dataset; empty when the row does not have it. */
  private static String datasetScore(LeaderboardRow row, String dataset) {
    return row.datasets().stream()
        .filter(d -> d.dataset().equals(dataset))
        .map(d -> ScoreText.of(d.score()))
        .findFirst()
        .orElse("");
  }

  /** Every dataset any row has, in first-seen order, with its group. */
  static Map<String, String> datasetGroups(LeaderboardView view) {
    Map<String, String> groups = new LinkedHashMap<>();
    for (LeaderboardRow r : view.rows()) {
      r.datasets().forEach(d -> groups.putIfAbsent(d.dataset(), d.group()));
    }
    return groups;
  }

  private static void row(List<String> cells, StringBuilder out) {
    out.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  /** Text from a results file, made inert: no table breaks, no markup, no HTML. */
  static String text(String raw) {
    StringBuilder escaped = new StringBuilder();
    for (char c : raw.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '\n', '\r', '\t' -> escaped.append(' ');
        case '\\', '|', '*', '_', '`', '[', ']', '#', '!' -> escaped.append('\\').append(c);
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
