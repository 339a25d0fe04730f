package org.mmeb.eval.report.leaderboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mmeb.eval.report.ScoreText;

/**
 * The leaderboard as one self-contained HTML page: per benchmark a bar chart (inline SVG) and a
 * table whose headers sort it and whose model names open the per-dataset breakdown. Style and
 * script are inlined from resources; a Content-Security-Policy forbids loading anything else, so
 * the page works offline and a string from a results file can never load or run anything.
 */
public final class HtmlLeaderboard implements LeaderboardFormat {
  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

  @Override
  public String render(Leaderboard board) {
    StringBuilder html = new StringBuilder();
    head(html);
    html.append("<body>\n<h1>MMEB leaderboard</h1>\n");
    nav(html, board);
    for (int v = 0; v < board.views().size(); v++) {
      new ViewSection(board.views().get(v), "v" + v).appendTo(html);
    }
    html.append("<script>\n").append(resource("leaderboard.js")).append("</script>\n");
    return html.append("</body>\n</html>\n").toString();
  }

  private static void head(StringBuilder html) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(CSP)
        .append("\">\n");
    html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.append("<title>MMEB leaderboard</title>\n<style>\n").append(resource("leaderboard.css"));
    html.append("</style>\n</head>\n");
  }

  private static void nav(StringBuilder html, Leaderboard board) {
    html.append("<nav>");
    for (int v = 0; v < board.views().size(); v++) {
      html.append(v == 0 ? "" : " · ").append("<a href=\"#v").append(v).append("\">");
      html.append(HtmlText.escape(board.views().get(v).title())).append("</a>");
    }
    html.append("</nav>\n");
  }

  /** One benchmark's section; {@code id} keeps element ids unique across views. */
  private record ViewSection(LeaderboardView view, String id) {
    void appendTo(StringBuilder html) {
      html.append("<section class=\"view\" id=\"").append(id).append("\">\n<h2>");
      html.append(HtmlText.escape(view.title())).append("</h2>\n");
      html.append("<figure>\n").append(BarChartSvg.render(view)).append("\n</figure>\n");
      html.append("<div class=\"scroll\">\n<table class=\"board\">\n");
      tableHead(html);
      html.append("<tbody>\n");
      CellNotes notes = new CellNotes(view);
      for (int r = 0; r < view.rows().size(); r++) {
        row(html, view.rows().get(r), id + "-r" + r, notes);
      }
      html.append("</tbody>\n</table>\n</div>\n");
      notesList(html, notes);
      html.append("</section>\n");
    }

    /** The headline (the view's last column, e.g. All) first, right after the model. */
    private List<String> columns() {
      List<String> columns = new ArrayList<>(view.columns());
      columns.add(0, columns.remove(columns.size() - 1));
      return columns;
    }

    private void tableHead(StringBuilder html) {
      html.append("<thead><tr>");
      header(html, "Model", "text");
      columns().forEach(c -> header(html, c, "number"));
      header(html, "Coverage", "number");
      header(html, "Source", "text");
      html.append("</tr></thead>\n");
    }

    private static void header(StringBuilder html, String name, String type) {
      html.append("<th scope=\"col\" tabindex=\"0\" data-type=\"").append(type).append("\">");
      html.append(HtmlText.escape(name)).append("</th>");
    }

    private void row(StringBuilder html, LeaderboardRow row, String rowId, CellNotes notes) {
      html.append("<tr class=\"model\"><td><button type=\"button\" class=\"expand\"");
      html.append(" aria-expanded=\"false\" aria-controls=\"").append(rowId).append("\">");
      html.append(HtmlText.escape(row.source().name())).append("</button></td>");
      columns().forEach(column -> scoreCell(html, row, column, notes.numberOf(row, column)));
      html.append("<td data-value=\"").append(row.present()).append("\">");
      html.append(row.present()).append('/').append(row.expected()).append("</td>");
      html.append("<td>").append(SourceLink.html(row.source().provenance())).append("</td>");
      html.append("</tr>\n");
      breakdown(html, row, rowId);
    }

    /** A score cell, marked when partial, with its note's number (0: none). */
    private static void scoreCell(StringBuilder html, LeaderboardRow row, String column, int note) {
      String score = ScoreText.of(row.score(column));
      html.append("<td data-value=\"").append(score).append('"');
      html.append(row.partial(column) ? " class=\"partial\">" : ">").append(score);
      html.append(row.partial(column) ? " <small>partial</small>" : "");
      if (note > 0) {
        html.append("<sup title=\"").append(HtmlText.escape(row.notes().get(column)));
        html.append("\">[").append(note).append("]</sup>");
      }
      html.append("</td>");
    }

    private void breakdown(StringBuilder html, LeaderboardRow row, String rowId) {
      html.append("<tr class=\"breakdown\" id=\"").append(rowId).append("\" hidden><td colspan=\"");
      html.append(view.columns().size() + 3).append("\">\n<table class=\"datasets\">");
      html.append("<thead><tr><th>Dataset</th><th>Group</th><th>Score</th></tr></thead><tbody>\n");
      for (LeaderboardRow.DatasetScoreCell cell : row.datasets()) {
        html.append("<tr><td>").append(HtmlText.escape(cell.dataset())).append("</td><td>");
        html.append(HtmlText.escape(cell.group())).append("</td><td>");
        html.append(ScoreText.of(cell.score())).append("</td></tr>\n");
      }
      html.append("</tbody></table>\n</td></tr>\n");
    }

    private static void notesList(StringBuilder html, CellNotes notes) {
      if (notes.all().isEmpty()) {
        return;
      }
      html.append("<ol class=\"notes\">\n");
      for (CellNotes.Numbered note : notes.all()) {
        html.append("<li>").append(HtmlText.escape(note.model())).append(", ");
        html.append(HtmlText.escape(note.column())).append(": ");
        html.append(HtmlText.escape(note.text())).append("</li>\n");
      }
      html.append("</ol>\n");
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlLeaderboard.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
