package org.mmeb.eval.cli;

import org.mmeb.eval.report.compare.ComparisonText;
import org.mmeb.eval.report.compare.RunComparator;
import org.mmeb.eval.report.compare.RunComparison;
import org.mmeb.eval.report.imports.ScoreInput;
import org.mmeb.eval.report.imports.ScoreInputs;
import org.mmeb.eval.task.TaskRegistry;
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

  /**
   * {@code baseline} and {@code candidate} (runs or imported scores), each read once, compared
   * dataset by dataset.
   */
  Compared compare(TaskRegistry tasks, String baseline, String candidate) {
    RunComparator comparator = comparator();
    ScoreInput a = ScoreInputs.input(baseline, tasks);
    ScoreInput b = ScoreInputs.input(candidate, tasks);
    RunComparison comparison =
        comparator.compare(tasks.benchmark(a.scores().benchmark()), a.scores(), b.scores());
    return new Compared(a, b, comparison);
  }

  /** The two inputs as read, and their comparison. */
  record Compared(ScoreInput baseline, ScoreInput candidate, RunComparison comparison) {}

  /** The comparison as compare and check print it. */
  String text(RunComparison comparison) {
    return ComparisonText.render(comparison, alpha, comparator().method());
  }
}
