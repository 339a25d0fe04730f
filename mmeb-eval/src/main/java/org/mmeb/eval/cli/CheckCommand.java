package org.mmeb.eval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmeb.eval.UserError;
import org.mmeb.eval.report.compare.GateText;
import org.mmeb.eval.report.compare.JUnitXml;
import org.mmeb.eval.report.compare.RegressionGate;
import org.mmeb.eval.report.compare.RunComparison;
import org.mmeb.eval.result.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "check",
    description = {
      "The CI gate: fail (exit 1) when a candidate run regressed significantly.",
      "Exit 1 when the candidate's headline score drops more than --max-drop points",
      "or any dataset more than --max-dataset-drop, significantly (paired test, p < --alpha),",
      "or lacks a dataset the baseline has, or has a dataset where ties at the top decided more",
      "than 5%% of its hits (constant or collapsed vectors); exit 0 otherwise. --junit writes one test",
      "case per dataset for any CI to show."
    })
final class CheckCommand implements Callable<Integer> {
  @Mixin RegistryOptions registry;
  @Mixin SignificanceOptions significance;

  @Option(
      names = "--baseline",
      required = true,
      description = "The accepted run (run.json or its folder).")
  String baseline;

  @Option(names = "--candidate", required = true, description = "The run to check.")
  String candidate;

  @Option(
      names = "--max-drop",
      defaultValue = "1.0",
      description = "Allowed drop of the headline score, points (default: ${DEFAULT-VALUE}).")
  double maxDrop;

  @Option(
      names = "--max-dataset-drop",
      defaultValue = "3.0",
      description = "Allowed drop of any one dataset, points (default: ${DEFAULT-VALUE}).")
  double maxDatasetDrop;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report here.")
  Path junit;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RegressionGate gate = gate();
    SignificanceOptions.Compared compared =
        significance.compare(registry.load(), baseline, candidate);
    RunComparison comparison = compared.comparison();
    List<RegressionGate.Verdict> verdicts = gate.judge(comparison);
    if (junit != null) {
      writeJunit(comparison, verdicts);
    }
    boolean noTies = print(comparison, verdicts, compared.candidate().tieFlags());
    return RegressionGate.allPassed(verdicts) && noTies ? 0 : UserError.CHECK_FAILED;
  }

  /** The comparison, the gate's verdicts and the tie flags; true when no dataset is flagged. */
  private boolean print(
      RunComparison comparison, List<RegressionGate.Verdict> verdicts, List<String> tieFlags) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(significance.text(comparison));
    out.println();
    out.print(GateText.render(verdicts));
    return printTieFlags(out, tieFlags);
  }

  private RegressionGate gate() {
    if (!(maxDrop >= 0) || !(maxDatasetDrop >= 0)) {
      throw new UserError("--max-drop and --max-dataset-drop must be >= 0 points");
    }
    return new RegressionGate(maxDrop, maxDatasetDrop, significance.alpha);
  }

  /** One FAIL line per dataset of the candidate whose hits ties decided; true when none. */
  private static boolean printTieFlags(PrintWriter out, List<String> tied) {
    tied.forEach(line -> out.println("FAIL ties: " + line));
    out.flush();
    return tied.isEmpty();
  }

  private void writeJunit(RunComparison comparison, List<RegressionGate.Verdict> verdicts) {
    try {
      AtomicFiles.writeString(junit, JUnitXml.render(comparison, verdicts));
    } catch (IOException e) {
      throw new UserError("cannot write " + junit + ": " + e.getMessage(), e);
    }
  }
}
