package org.mmeb.eval.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.verify.DataVerifier;
import org.mmeb.eval.data.verify.TaskCheck;
import org.mmeb.eval.task.TaskRegistry.LoadedTask;
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

  @Override
  public Integer call() {
    if (!Files.isDirectory(data)) {
      throw new UserError(data + ": data folder not found");
    }
    List<LoadedTask> selected = registry.load().select(benchmark, tasks);
    if (selected.isEmpty()) {
      throw new UserError("no tasks in benchmark '" + benchmark + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    String row = "%-44s %-10s %6s %8s %7s %7s %11s%n";
    out.printf(
        Locale.ROOT, row, "task", "status", "rows", "expected", "images", "missing", "undecodable");
    List<TaskCheck> checks = new ArrayList<>();
    for (LoadedTask task : selected) {
      TaskCheck check = DataVerifier.check(task.spec(), data);
      checks.add(check);
      out.printf(
          Locale.ROOT,
          row,
          check.task(),
          check.status(),
          check.rows(),
          check.expectedRows(),
          check.images(),
          check.missingImages(),
          check.undecodableImages());
      out.flush();
    }
    long failed = checks.stream().filter(c -> !c.ok()).count();
    if (failed > 0) {
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
    out.printf(Locale.ROOT, "%n%d of %d tasks ok%n", checks.size() - failed, checks.size());
    return failed == 0 ? 0 : UserError.CHECK_FAILED;
  }
}
