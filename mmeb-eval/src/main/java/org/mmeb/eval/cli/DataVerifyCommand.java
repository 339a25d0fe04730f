package org.mmeb.eval.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmeb.eval.UserError;
import org.mmeb.eval.task.TaskRegistry.LoadedTask;
import org.mmeb.eval.verify.DataVerifier;
import org.mmeb.eval.verify.TaskCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "verify",
    description = {
      "Check a benchmark's local data: per task found or missing, rows vs expected, missing or",
      "undecodable images. Exit 1 when anything is wrong; each problem is one line."
    })
final class DataVerifyCommand implements Callable<Integer> {
  @Mixin RegistryOptions registry;

  @Option(names = "--benchmark", required = true, description = "mmeb-v1, mmeb-v2, mmeb-mini, ...")
  String benchmark;

  @Option(names = "--data", required = true, description = "The benchmark's data folder.")
  Path data;

  @Option(names = "--tasks", split = ",", description = "Only these tasks (comma-separated).")
  List<String> tasks = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private static final String ROW = "%-44s %-10s %6s %8s %7s %7s %11s%n";

  @Override
  public Integer call() {
    List<LoadedTask> selected = selectedTasks();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT, ROW, "task", "status", "rows", "expected", "images", "missing", "undecodable");
    List<TaskCheck> checks = checkEach(selected, out);
    long failed = checks.stream().filter(c -> !c.ok()).count();
    if (failed > 0) {
      printProblems(out, checks);
    }
    out.printf(Locale.ROOT, "%n%d of %d tasks ok%n", checks.size() - failed, checks.size());
    return failed == 0 ? 0 : UserError.CHECK_FAILED;
  }

  private List<LoadedTask> selectedTasks() {
    if (!Files.isDirectory(data)) {
      throw new UserError(data + ": data folder not found");
    }
    List<LoadedTask> selected = registry.load().select(benchmark, tasks);
    if (selected.isEmpty()) {
      throw new UserError("no tasks in benchmark '" + benchmark + "'");
    }
    return selected;
  }

  /** Checks the tasks one by one, printing each one's row as soon as it is known. */
  private List<TaskCheck> checkEach(List<LoadedTask> selected, PrintWriter out) {
    List<TaskCheck> checks = new ArrayList<>();
    for (LoadedTask task : selected) {
      TaskCheck check = DataVerifier.check(task.spec(), data);
      checks.add(check);
      printRow(out, check);
    }
    return checks;
  }

  private static void printRow(PrintWriter out, TaskCheck check) {
    out.printf(
        Locale.ROOT,
        ROW,
        check.task(),
        check.status(),
        check.rows(),
        check.expectedRows(),
        check.images(),
        check.missingImages(),
        check.undecodableImages());
    out.flush();
  }

  /** Each task's problems, then how many more it had than it lists. */
  private static void printProblems(PrintWriter out, List<TaskCheck> checks) {
    out.println();
    for (TaskCheck check : checks) {
      check.problems().forEach(out::println);
      if (check.problemCount() > check.problems().size()) {
        out.printf(
            Locale.ROOT,
            "%s: ... and %d more problems%n",
            check.task(),
            check.problemCount() - check.problems().size());
      }
    }
  }
}
