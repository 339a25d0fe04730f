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
    boolean candidateReasons = candidate != null;
    Reasoning reasoning = candidateReasons ? candidate : baseline;
    List<String> lines = new ArrayList<>();
    lines.add(coverage(candidateReasons ? "candidate" : "baseline", reasoning));
    lines.addAll(Verdicts.of(comparison, candidateReasons ? 1 : -1, alpha).lines(alpha));
    return lines;
  }

  /** The datasets both sides have, by what reasoning did to them. */
  private record Verdicts(
      List<String> helped, List<String> hurt, List<String> same, List<String> untested) {

    /** {@code sign} is 1 when the candidate reasons, -1 when the baseline does. */
    static Verdicts of(RunComparison comparison, int sign, double alpha) {
      Verdicts v =
          new Verdicts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (ScoreDelta d : comparison.datasets()) {
        if (d.covered()) {
          v.listFor(d, sign, alpha).add(d.name());
        }
      }
      return v;
    }

    List<String> lines(double alpha) {
      List<String> lines = new ArrayList<>();
      lines.add(line("reasoning helped (p < " + alpha + ")", helped));
      lines.add(line("reasoning hurt (p < " + alpha + ")", hurt));
      lines.add(line("no significant change", same));
      if (!untested.isEmpty()) {
        lines.add(line("untested (no per-query outcomes)", untested));
      }
      return lines;
    }

    private List<String> listFor(ScoreDelta d, int sign, double alpha) {
      if (!d.tested()) {
        return untested;
      }
      if (!d.significant(alpha)) {
        return same;
      }
      return sign * d.points() > 0 ? helped : hurt;
    }
  }

  private static String coverage(String side, Reasoning reasoning) {
    long queries =
        reasoning.tasks().values().stream().mapToLong(Reasoning.TaskTraces::queries).sum();
    long traced =
        reasoning.tasks().values().stream().mapToLong(Reasoning.TaskTraces::withTrace).sum();
    return String.format(
        Locale.ROOT,
        "reasoning: the %s embeds queries with traces from %s (%d of %d queries have one)",
        side,
        TerminalText.safe(reasoning.reasoner()),
        traced,
        queries);
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
