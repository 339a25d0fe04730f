package org.mmeb.eval.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.mmeb.eval.result.DatasetResult;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunSummary;

/** Prints a run's per-dataset scores and its aggregates, as the paper displays them. */
final class RunSummaryTable {
  private final PrintWriter out;

  RunSummaryTable(PrintWriter out) {
    this.out = out;
  }

  void print(RunRecord record) {
    out.printf(Locale.ROOT, "%s on %s%n", record.model().name(), record.benchmark());
    for (DatasetResult d : record.datasets()) {
      out.printf(Locale.ROOT, "  %-40s %-14s %7s%n", d.task(), d.mainMetric(), d.display());
    }
    RunSummary summary = record.summary();
    for (RunSummary.Group g : summary.groups()) {
      out.printf(
          Locale.ROOT,
          "  %-40s %-14s %7s%s%n",
          g.group(),
          g.kind(),
          g.display(),
          g.partial() ? "  (partial: " + g.present() + "/" + g.expected() + " datasets)" : "");
    }
    out.flush();
  }
}
