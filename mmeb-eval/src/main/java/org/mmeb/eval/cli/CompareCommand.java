package org.mmeb.eval.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mmeb.eval.report.compare.ReasoningVerdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "compare",
    description = {
      "Compare two runs of one benchmark, with paired p-values.",
      "Per dataset and aggregate deltas (B - A, points), a paired permutation p-value from the",
      "per-query outcomes, and a wins/losses summary."
    })
final class CompareCommand implements Callable<Integer> {
  @Mixin RegistryOptions registry;
  @Mixin SignificanceOptions significance;

  @Parameters(
      index = "0",
      paramLabel = "A",
      description = "Baseline: run.json, its folder, or imported scores.")
  String baseline;

  @Parameters(index = "1", paramLabel = "B", description = "Candidate, in the same forms.")
  String candidate;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    SignificanceOptions.Compared compared =
        significance.compare(registry.load(), baseline, candidate);
    PrintWriter out = spec.commandLine().getOut();
    out.print(significance.text(compared.comparison()));
    ReasoningVerdict.lines(
            compared.comparison(),
            compared.baseline().reasoning(),
            compared.candidate().reasoning(),
            significance.alpha)
        .forEach(out::println);
    out.flush();
    return 0;
  }
}
