package org.mmeb.eval.report.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mmeb.eval.report.TerminalText;
import org.mmeb.eval.result.Reasoning;

/**
 * When one side of a comparison embedded its queries with reasoning traces and the other did not:
 * per dataset, whether reasoning helped (significantly better), hurt (significantly worse), made no
 * significant change, or could not be tested, and the overall trace coverage.
 */
public final class ReasoningVerdict {
  private ReasoningVerdict() {}

  /**
   * The verdict lines, or none when both or neither side used traces.
   *
   * @param baseline the baseline's reasoning block (null: none)
   * @param candidate the candidate's (null: none)
   */
  public static List<String> lines(
      RunComparison comparison, Reasoning baseline, Reasoning candidate, double alpha) {
    if ((baseline == null) == (candidate == null)) {
      return List.of();
    }
    Reasoning reasoning = candidate != null ? candidate : baseline;
    int sign = candidate != null ? 1 : -1;
    List<String> helped = new ArrayList<>();
    List<String> hurt = new ArrayList<>();
    List<String> same = new ArrayList<>();
    List<String> untested = new ArrayList<>();
    for (ScoreDelta d : comparison.datasets()) {
      if (!d.covered()) {
        continue;
      }
      if (!d.tested()) {
        untested.add(d.name());
      } else if (!d.significant(alpha)) {
        same.add(d.name());
      } else {
        (sign * d.points() > 0 ? helped : hurt).add(d.name());
      }
    }
    long queries =
        reasoning.tasks().values().stream().mapToLong(Reasoning.TaskTraces::queries).sum();
    long traced =
        reasoning.tasks().values().stream().mapToLong(Reasoning.TaskTraces::withTrace).sum();
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "reasoning: the %s embeds queries with traces from %s (%d of %d queries have one)",
            candidate != null ? "candidate" : "baseline",
            TerminalText.safe(reasoning.reasoner()),
            traced,
            queries));
    lines.add(line("reasoning helped (p < " + alpha + ")", helped));
    lines.add(line("reasoning hurt (p < " + alpha + ")", hurt));
    lines.add(line("no significant change", same));
    if (!untested.isEmpty()) {
      lines.add(line("untested (no per-query outcomes)", untested));
    }
    return lines;
  }

  private static String line(String label, List<String> datasets) {
    return "  "
        + label
        + ": "
        + (datasets.isEmpty()
            ? "none"
            : datasets.size() + ": " + TerminalText.safe(String.join(", ", datasets)));
  }
}
