package org.mmeb.eval.report.reproduce;

import java.util.List;
import java.util.Locale;
import org.mmeb.eval.report.TerminalText;

/**
 * A reproduction report for a terminal: every printed cell, its delta and a flag beyond tolerance.
 */
public final class ReproductionText {
  private ReproductionText() {}

  public static String render(String runName, Reproduction reproduction) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%s vs %s (tolerance %s points)%n",
            TerminalText.safe(runName),
            TerminalText.safe(reproduction.paper()),
            reproduction.tolerance().toPlainString()));
    section(out, "dataset", reproduction.datasets());
    out.append('\n');
    section(out, "aggregate", reproduction.aggregates());
    out.append(summary(reproduction));
    return out.toString().replace(System.lineSeparator(), "\n");
  }

  private static String summary(Reproduction reproduction) {
    return String.format(
        Locale.ROOT,
        "%n%d of %d cells beyond tolerance; %d of %d datasets missing from the run%n",
        reproduction.flagged().size(),
        reproduction.datasets().size() + reproduction.aggregates().size(),
        reproduction.missingDatasets(),
        reproduction.datasets().size());
  }

  private static void section(StringBuilder out, String first, List<Reproduction.Cell> cells) {
    out.append(String.format(Locale.ROOT, "%-28s %7s %7s %7s%n", first, "run", "paper", "delta"));
    cells.forEach(cell -> out.append(line(cell)));
  }

  private static String line(Reproduction.Cell cell) {
    String flag = cell.missing() ? "  missing" : cell.flagged() ? "  BEYOND TOLERANCE" : "";
    return String.format(
        Locale.ROOT,
        "%-28s %7s %7s %7s%s%n",
        TerminalText.safe(cell.name()),
        cell.missing() ? "-" : cell.run().toPlainString(),
        cell.paper().toPlainString(),
        cell.missing() ? "-" : signed(cell.delta()),
        flag);
  }

  private static String signed(java.math.BigDecimal delta) {
    return (delta.signum() > 0 ? "+" : "") + delta.toPlainString();
  }
}
