package org.mmeb.eval.report.leaderboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.mmeb.eval.Json;

/** The leaderboard as JSON; a score the source does not have is null, never 0. */
public final class JsonLeaderboard implements LeaderboardFormat {
  static final int FORMAT_VERSION = 1;

  @Override
  public String render(Leaderboard board) {
    ObjectNode root = Json.PLAIN.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    ArrayNode views = root.putArray("views");
    board.views().forEach(view -> view(view, views.addObject()));
    try {
      return Json.PRETTY_INLINE_ARRAYS.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a leaderboard tree always serialises", e);
    }
  }

  private static void view(LeaderboardView view, ObjectNode v) {
    v.put("benchmark", view.benchmark());
    v.put("title", view.title());
    view.columns().forEach(v.putArray("columns")::add);
    view.groups().forEach(v.putArray("groups")::add);
    ArrayNode rows = v.putArray("rows");
    view.rows().forEach(row -> row(view, row, rows.addObject()));
  }

  private static void row(LeaderboardView view, LeaderboardRow row, ObjectNode r) {
    r.put("model", row.source().name());
    r.put("source", row.source().provenance());
    r.put("present", row.present());
    r.put("expected", row.expected());
    ObjectNode scores = r.putObject("scores");
    view.columns().forEach(c -> scores.put(c, decimal(row.score(c))));
    ObjectNode notes = r.putObject("notes");
    row.notes().forEach(notes::put);
    ArrayNode partial = r.putArray("partial");
    view.columns().stream().filter(row::partial).forEach(partial::add);
    datasets(row, r.putArray("datasets"));
  }

  private static void datasets(LeaderboardRow row, ArrayNode datasets) {
    for (LeaderboardRow.DatasetScoreCell cell : row.datasets()) {
      ObjectNode d = datasets.addObject();
      d.put("name", cell.dataset());
      d.put("group", cell.group());
      d.put("score", decimal(cell.score()));
    }
  }

  /** One decimal exactly as displayed (61.2, not 61.199999); null when absent. */
  private static BigDecimal decimal(double score) {
    return Double.isNaN(score) ? null : BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP);
  }
}
