package org.mmeb.eval.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out}: the results root of the commands that write runs (run, score, demo). */
final class ResultsOption {
  @Option(
      names = "--out",
      defaultValue = "results",
      description = "Results root (default: ${DEFAULT-VALUE}).")
  Path out;
}
