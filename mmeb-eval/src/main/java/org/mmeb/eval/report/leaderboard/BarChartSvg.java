package org.mmeb.eval.report.leaderboard;

import java.util.List;
import java.util.Locale;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.report.ScoreText;

/**
 * A view's meta-task scores as an inline SVG grouped bar chart (one group per meta-task, one bar
 * per row, 0–100 scale), with a legend; no script, no external resource.
 */
final class BarChartSvg {
  private static final String[] PALETTE = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
  };
  private static final int WIDTH = 960;
  private static final int LEFT = 40;
  private static final int TOP = 10;
  private static final int PLOT_HEIGHT = 200;
  private static final int LEGEND_LINE = 18;
  private static final String BAR =
      "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
          + "<title>%s</title></rect>\n";
  private static final String LEGEND_ENTRY =
      "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
          + "<text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>\n";

  private BarChartSvg() {}

  static String render(LeaderboardView view) {
    List<String> groups = view.groups();
    List<LeaderboardRow> rows = view.rows();
    int legendTop = TOP + PLOT_HEIGHT + 30;
    StringBuilder svg = new StringBuilder();
    open(svg, view.title(), legendTop + LEGEND_LINE * rows.size() + 10);
    axis(svg);
    double slot = (WIDTH - LEFT - 10.0) / Math.max(1, groups.size());
    for (int g = 0; g < groups.size(); g++) {
      group(svg, rows, groups.get(g), LEFT + g * slot, slot);
    }
    legend(svg, rows, legendTop);
    return svg.append("</svg>").toString();
  }

  private static void open(StringBuilder svg, String title, int height) {
    svg.append(
        format(
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n",
            WIDTH, height, WIDTH, height, HtmlText.escape(title + " scores per meta-task")));
  }

  /** One meta-task's bars, one per row, centred in its slot, with the group's label below. */
  private static void group(
      StringBuilder svg, List<LeaderboardRow> rows, String group, double slotLeft, double slot) {
    double bar = Math.min(16, (slot - 8) / Math.max(1, rows.size()));
    double x0 = slotLeft + (slot - bar * rows.size()) / 2;
    for (int r = 0; r < rows.size(); r++) {
      bar(svg, rows.get(r), group, r, x0 + r * bar, bar);
    }
    svg.append(
        format(
            "<text class=\"group\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
            slotLeft + slot / 2, TOP + PLOT_HEIGHT + 16, HtmlText.escape(group)));
  }

  private static void axis(StringBuilder svg) {
    for (int tick = 0; tick <= 100; tick += 25) {
      double y = y(tick);
      svg.append(
          format(
              "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                  + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>\n",
              LEFT, y, WIDTH - 10, y, LEFT - 4, y + 4, tick));
    }
  }

  private static void bar(
      StringBuilder svg, LeaderboardRow row, String group, int index, double x, double w) {
    double score = row.score(group);
    if (Double.isNaN(score)) {
      return;
    }
    double top = y(Math.max(0, Math.min(100, score)));
    String title = row.source().name() + ", " + group + ": " + ScoreText.of(score);
    svg.append(
        format(BAR, x, top, Math.max(1, w - 1), y(0) - top, color(index), HtmlText.escape(title)));
  }

  private static void legend(StringBuilder svg, List<LeaderboardRow> rows, int top) {
    for (int r = 0; r < rows.size(); r++) {
      int y = top + r * LEGEND_LINE;
      ScoreSource source = rows.get(r).source();
      String label = source.name() + " (" + source.provenance() + ")";
      svg.append(
          format(LEGEND_ENTRY, LEFT, y, color(r), LEFT + 18, y + 10, HtmlText.escape(label)));
    }
  }

  private static double y(double score) {
    return TOP + PLOT_HEIGHT * (1 - score / 100.0);
  }

  private static String color(int index) {
    return PALETTE[index % PALETTE.length];
  }

  /** Coordinates in SVG always use a dot, whatever the default locale. */
  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
