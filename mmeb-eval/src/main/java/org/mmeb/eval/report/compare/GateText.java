package org.mmeb.eval.report.compare;

import java.util.List;
import org.mmeb.eval.report.TerminalText;

/** The gate's verdict for a terminal: one FAIL line per failed score, then one summary line. */
public final class GateText {
  private GateText() {}

  public static String render(List<RegressionGate.Verdict> verdicts) {
    StringBuilder out = new StringBuilder();
    List<RegressionGate.Verdict> failed = verdicts.stream().filter(v -> !v.passed()).toList();
    failed.forEach(v -> out.append("FAIL ").append(TerminalText.safe(v.failure())).append('\n'));
    out.append(
        failed.isEmpty()
            ? "check passed: " + verdicts.size() + " scores within the thresholds\n"
            : "check failed: " + failed.size() + " of " + verdicts.size() + " scores dropped\n");
    return out.toString();
  }
}
