package org.mmeb.eval.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mmeb.eval.score.ConfidenceInterval;

/** A run as a plain-text table for the terminal: datasets, then group scores (paper rounding). */
public final class RunRecordText {
  private static final String ROW = "%-34s %-14s %7s  %-15s %7s";

  private RunRecordText() {}

  public static List<String> lines(RunRecord run) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, ROW, "task", "metric", "score", "95% CI", "queries"));
    for (DatasetResult d : run.datasets()) {
      lines.add(
          String.format(
              Locale.ROOT,
              ROW,
              d.task(),
              d.mainMetric(),
              d.display(),
              interval(d.ci()),
              d.queries()));
    }
    lines.add("");
    for (RunSummary.Group g : run.summary().groups()) {
      String ci = g.kind().equals("overall") ? "  " + interval(run.summary().overallCi()) : "";
      lines.add(
          String.format(Locale.ROOT, "%-10s %-16s %s%s", g.kind(), g.group(), g.display(), ci));
    }
    return lines;
  }

  static String interval(ConfidenceInterval ci) {
    if (ci == null) {
      return "-";
    }
    return String.format(Locale.ROOT, "[%.1f, %.1f]", ci.lowPercent(), ci.highPercent());
  }
}
