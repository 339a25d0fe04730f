package org.mmeb.eval.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "bench",
    description = "Measure encoding and scoring speed against their limits, in one process.",
    subcommands = {BenchEncodingCommand.class, BenchScoringCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
