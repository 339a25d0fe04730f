package org.mmeb.eval.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "data",
    description = "Write, check and download benchmark data.",
    subcommands = {DataSynthCommand.class, DataVerifyCommand.class, DataDownloadCommand.class})
public final class DataCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
