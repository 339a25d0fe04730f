package org.mmeb.eval.report.compare;

import java.util.Locale;
import org.mmeb.eval.report.ScoreText;
import org.mmeb.eval.report.TerminalText;

/** A comparison as a plain-text table for a terminal: datasets, aggregates, then the tally. */
public final class ComparisonText {
  private ComparisonText() {}

  public static String render(RunComparison comparison, double alpha, String method) {
    StringBuilder out = new StringBuilder();
    title(out, comparison, method);
    header(out, "dataset");
    comparison.datasets().forEach(d -> row(out, d, alpha));
    RunComparison.Tally tally = comparison.tally(alpha);
    out.append(
        String.format(
            Locale.ROOT, "%naggregates over the %d datasets both runs have%n", tally.compared()));
    header(out, "aggregate");
    comparison.aggregates().forEach(d -> row(out, d, alpha));
    summary(out, tally, alpha);
    return out.toString().replace(System.lineSeparator(), "\n");
  }

  private static void title(StringBuilder out, RunComparison comparison, String method) {
    out.append(
        String.format(
            Locale.ROOT,
            "%s: %s (baseline) vs %s (candidate); %s%n",
            TerminalText.safe(comparison.benchmark()),
            TerminalText.safe(comparison.baselineName()),
            TerminalText.safe(comparison.candidateName()),
            method));
  }

  private static void summary(StringBuilder out, RunComparison.Tally tally, double alpha) {
    out.append(
        String.format(
            Locale.ROOT,
            "%nof %d datasets compared: wins %d, losses %d, no significant change %d, untested %d"
                + " (p < %s); in one run only %d%n",
            tally.compared(),
            tally.wins(),
            tally.losses(),
            tally.unchanged(),
            tally.untested(),
            alpha,
            tally.oneRunOnly()));
  }

  private static void header(StringBuilder out, String first) {
    out.append(
        String.format(
            Locale.ROOT, "%-28s %9s %9s %7s %8s%n", first, "baseline", "candidate", "delta", "p"));
  }

  private static void row(StringBuilder out, ScoreDelta d, double alpha) {
    String mark = d.significant(alpha) ? (d.points() > 0 ? " better" : " worse") : "";
    out.append(
        String.format(
            Locale.ROOT,
            "%-28s %9s %9s %7s %8s%s%n",
            TerminalText.safe(d.name()),
            orDash(ScoreText.of(d.baseline())),
            orDash(ScoreText.of(d.candidate())),
            orDash(ScoreText.signed(d.points())),
            PValueText.of(d.pValue()),
            mark));
  }

  private static String orDash(String text) {
    return text.isEmpty() ? "-" : text;
  }
}
