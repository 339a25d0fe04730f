package org.mmeb.eval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "synth",
    description = {
      "Write the demo benchmark (mmeb-mini) in the real MMEB layouts, with generated images.",
      "The same seed writes the same bytes."
    })
final class DataSynthCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "Folder to write the benchmark to.")
  Path out;

  @Option(
      names = "--benchmark",
      defaultValue = SyntheticBenchmark.BENCHMARK,
      description = "Benchmark to write (only ${DEFAULT-VALUE}).")
  String benchmark;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--train-pairs",
      defaultValue = "0",
      description =
          "Also write N training pairs to OUT/train/pairs.jsonl (default ${DEFAULT-VALUE}).")
  int trainPairs;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    checkOptions();
    long start = System.nanoTime();
    SyntheticBenchmark.write(out, seed);
    if (trainPairs > 0) {
      SyntheticBenchmark.writeTrainPairs(out, seed, trainPairs);
    }
    printWritten(start);
    return 0;
  }

  private void printWritten(long start) {
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        "wrote %s (seed %d) to %s in %.1f s%n",
        benchmark, seed, out, (System.nanoTime() - start) / 1e9);
    if (trainPairs > 0) {
      w.printf("wrote %d training pairs to %s%n", trainPairs, out.resolve("train/pairs.jsonl"));
    }
  }

  private void checkOptions() {
    if (!SyntheticBenchmark.BENCHMARK.equals(benchmark)) {
      throw new UserError(
          "data synth writes only " + SyntheticBenchmark.BENCHMARK + ", not '" + benchmark + "'");
    }
    if (trainPairs < 0) {
      throw new UserError("--train-pairs must be >= 0, found " + trainPairs);
    }
  }
}
