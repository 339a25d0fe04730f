package org.mmeb.eval.report.leaderboard;

import java.util.List;
import java.util.Locale;
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

  private BarChartSvg() {}

  static String render(LeaderboardView view) {
    List<String> groups = view.groups();
    List<LeaderboardRow> rows = view.rows();
    int legendTop = TOP + PLOT_HEIGHT + 30;
    int height = legendTop + LEGEND_LINE * rows.size() + 10;
    StringBuilder svg = new StringBuilder();
    svg.append(
        format(
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n",
            WIDTH, height, WIDTH, height, HtmlText.escape(view.title() + " scores per meta-task")));
    axis(svg);
    double slot = (WIDTH - LEFT - 10.0) / Math.max(1, groups.size());
    double bar = Math.min(16, (slot - 8) / Math.max(1, rows.size()));
    for (int g = 0; g < groups.size(); g++) {
      double x0 = LEFT + g * slot + (slot - bar * rows.size()) / 2;
      for (int r = 0; r < rows.size(); r++) {
        bar(svg, rows.get(r), groups.get(g), r, x0 + r * bar, bar);
      }
      svg.append(
          format(
              "<text class=\"group\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              LEFT + g * slot + slot / 2, TOP + PLOT_HEIGHT + 16, HtmlText.escape(groups.get(g))));
    }
    legend(svg, rows, legendTop);
    return svg.append("</svg>").toString();
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
    svg.append(
        format(
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                + "<title>%s, %s: %s</title></rect>\n",
            x,
            top,
            Math.max(1, w - 1),
            y(0) - top,
            color(index),
            HtmlText.escape(row.source().name()),
            HtmlText.escape(group),
            ScoreText.of(score)));
  }

  private static void legend(StringBuilder svg, List<LeaderboardRow> rows, int top) {
    for (int r = 0; r < rows.size(); r++) {
      int y = top + r * LEGEND_LINE;
      svg.append(
          format(
              "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                  + "<text class=\"legend\" x=\"%d\" y=\"%d\">%s (%s)</text>\n",
              LEFT,
              y,
              color(r),
              LEFT + 18,
              y + 10,
              HtmlText.escape(rows.get(r).source().name()),
              HtmlText.escape(rows.get(r).source().provenance())));
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
