package org.mmeb.eval.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmeb.eval.UserError;
import org.mmeb.eval.score.ScoringBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "scoring",
    description =
        "Scoring speed against the float32 matrix product of the same size (random vectors,"
            + " cosine): local tasks (V1's shape) and a global task, harness and product rounds"
            + " alternating in one process (medians).")
public final class BenchScoringCommand implements Callable<Integer> {
  @Option(
      names = "--local",
      defaultValue = "36x1000x1000",
      paramLabel = "DATASETSxROWSxCANDIDATES",
      description = "Local tasks to score (default: ${DEFAULT-VALUE}, MMEB-V1's size); 0 to skip.")
  String local;

  @Option(
      names = "--pool",
      defaultValue = "4000",
      description = "Distinct candidate vectors per local task (default: ${DEFAULT-VALUE}).")
  int pool;

  @Option(
      names = "--global",
      defaultValue = "10000x100000",
      paramLabel = "QUERIESxCANDIDATES",
      description = "Global task to score (default: ${DEFAULT-VALUE}); 0 to skip.")
  String global;

  @Option(names = "--dims", defaultValue = "1536")
  int dims;

  @Option(names = "--rounds", defaultValue = "3")
  int rounds;

  @Option(
      names = "--warm-up",
      defaultValue = "15",
      description =
          "Untimed local tasks (the first, then others like it) before timing, so that the JIT"
              + " has compiled the hot code (default: ${DEFAULT-VALUE}; a global task's check is"
              + " its warm-up).")
  int warmUp;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(
      names = "--numpy",
      description = "Also time numpy's sgemm of the same size (python3 with numpy needed).")
  boolean numpy;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ScoringBench bench = new ScoringBench(rounds, warmUp, seed, numpy ? new NumpyProduct() : null);
    printMachine(out);
    int[] l = sizes("--local", local, 3);
    if (l != null) {
      print(out, bench.local(l[0], l[1], l[2], Math.max(pool, l[2]), dims));
    }
    int[] g = sizes("--global", global, 2);
    if (g != null) {
      print(out, bench.global(g[0], g[1], dims));
    }
    return 0;
  }

  private void printMachine(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%d cores, Java %s, %d rounds (medians; ratios are CPU-seconds within this run)%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        rounds);
  }

  private static void print(PrintWriter out, ScoringBench.Report report) {
    out.printf(Locale.ROOT, "%s, kernel %s%n", report.shape(), report.kernel());
    for (ScoringBench.Mode mode :
        new ScoringBench.Mode[] {report.harness(), report.limit(), report.external()}) {
      if (mode != null) {
        printMode(out, mode);
      }
    }
    printRatios(out, report);
    printWarmUp(out, report.warmUp());
    ScoringBench.Reading reading = report.reading();
    if (reading.numberedCpuSeconds() > 0) {
      out.printf(
          Locale.ROOT,
          "  reader (not in the harness): building the rows' items CPU %.2f s, building and"
              + " numbering them CPU %.2f s (numbering %+.2f s)%n",
          reading.plainCpuSeconds(),
          reading.numberedCpuSeconds(),
          reading.numberedCpuSeconds() - reading.plainCpuSeconds());
    }
  }

  private static void printWarmUp(PrintWriter out, ScoringBench.WarmUp warmUp) {
    String passes =
        warmUp.passes() == 0
            ? "the check"
            : String.format(
                Locale.ROOT,
                "%d untimed local tasks, CPU %.2f s",
                warmUp.passes(),
                warmUp.cpuSeconds());
    out.printf(
        Locale.ROOT,
        "  warm-up: %s; JIT compiling during the timed rounds: %.2f s%n",
        passes,
        warmUp.timedCompileSeconds());
  }

  private static void printMode(PrintWriter out, ScoringBench.Mode mode) {
    out.printf(
        Locale.ROOT,
        "  %-16s wall %8.2f s   CPU %8.2f s   %s GFLOP per CPU-second%n",
        mode.name(),
        mode.wallSeconds(),
        mode.cpuSeconds(),
        mode.cpuSeconds() > 0
            ? String.format(Locale.ROOT, "%6.1f", mode.gflopPerCpuSecond())
            : "     -");
  }

  private static void printRatios(PrintWriter out, ScoringBench.Report report) {
    out.printf(
        Locale.ROOT,
        "  harness / float32 product: %s%s; pairs re-scored in double: %.3f%%;"
            + " %d queries' rankings equal to all-double scoring%n",
        cpuRatio(report.harness(), report.limit()),
        externalRatio(report),
        100 * report.exactFraction(),
        report.checkedQueries());
  }

  /** ", harness / numpy sgemm: 1.23x CPU" when an outside product was timed, else "". */
  private static String externalRatio(ScoringBench.Report report) {
    return report.external() == null
        ? ""
        : ", harness / %s: %s"
            .formatted(report.external().name(), cpuRatio(report.harness(), report.external()));
  }

  /**
   * "1.23x CPU", or "n/a" when the divisor took no measurable CPU time (the process clock ticks in
   * steps of up to 10 ms, so a tiny size can read zero).
   */
  private static String cpuRatio(ScoringBench.Mode mode, ScoringBench.Mode limit) {
    return limit.cpuSeconds() > 0
        ? String.format(Locale.ROOT, "%.2fx CPU", mode.cpuSeconds() / limit.cpuSeconds())
        : "n/a (too short to time)";
  }

  /** "36x1000x1000" → {36, 1000, 1000}; "0" → null (skip). */
  private static int[] sizes(String option, String text, int parts) {
    if (text.equals("0")) {
      return null;
    }
    String[] fields = text.toLowerCase(Locale.ROOT).split("x");
    if (fields.length != parts) {
      throw new UserError(option + ": expected " + parts + " numbers joined by 'x', found " + text);
    }
    int[] values = new int[parts];
    for (int i = 0; i < parts; i++) {
      values[i] = size(option, fields[i], text);
    }
    return values;
  }

  private static int size(String option, String field, String text) {
    int value;
    try {
      value = Integer.parseInt(field);
    } catch (NumberFormatException e) {
      throw new UserError(option + ": '" + field + "' is not a number");
    }
    if (value <= 0) {
      throw new UserError(option + ": sizes must be positive, found " + text);
    }
    return value;
  }
}
