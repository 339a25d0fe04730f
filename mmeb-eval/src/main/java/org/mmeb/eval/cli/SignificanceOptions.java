package org.mmeb.eval.cli;

import org.mmeb.eval.report.compare.RunComparator;
import picocli.CommandLine.Option;

/**
 * How compare and check test a difference: the paired permutation test's rounds, seed and level.
 */
public final class SignificanceOptions {
  @Option(
      names = "--rounds",
      defaultValue = "10000",
      description =
          "Random sign flips per test when there are too many to enumerate (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the sign flips (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--alpha",
      defaultValue = "0.05",
      description = "A difference is significant when p < alpha (default: ${DEFAULT-VALUE}).")
  double alpha;

  RunComparator comparator() {
    if (rounds < 1) {
      throw new org.mmeb.eval.UserError("--rounds must be at least 1, got " + rounds);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new org.mmeb.eval.UserError("--alpha must be in (0, 1), got " + alpha);
    }
    return new RunComparator(rounds, seed);
  }
}
