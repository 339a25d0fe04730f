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
    run.datasets().forEach(d -> lines.add(datasetLine(d)));
    lines.add("");
    run.summary().groups().forEach(g -> lines.add(groupLine(g, run.summary())));
    return lines;
  }

  private static String datasetLine(DatasetResult d) {
    return String.format(
        Locale.ROOT, ROW, d.task(), d.mainMetric(), d.display(), interval(d.ci()), d.queries());
  }

  private static String groupLine(RunSummary.Group g, RunSummary summary) {
    String ci = g.kind().equals("overall") ? "  " + interval(summary.overallCi()) : "";
    return String.format(Locale.ROOT, "%-10s %-16s %s%s", g.kind(), g.group(), g.display(), ci);
  }

  static String interval(ConfidenceInterval ci) {
    if (ci == null) {
      return "-";
    }
    return String.format(Locale.ROOT, "[%.1f, %.1f]", ci.lowPercent(), ci.highPercent());
  }
}
