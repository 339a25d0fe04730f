package org.mmeb.eval.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmeb.eval.UserError;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskRegistry.LoadedTask;
import org.mmeb.eval.task.TaskSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "tasks",
    description = "List and show the tasks of the registry.",
    subcommands = {TasksCommand.ListTasks.class, TasksCommand.ShowTask.class})
public final class TasksCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", description = "A table of tasks.")
  static final class ListTasks implements Callable<Integer> {
    @Mixin RegistryOptions registry;

    @Option(names = "--benchmark", description = "Only this benchmark (mmeb-v1, mmeb-v2, ...).")
    String benchmark;

    @Option(names = "--meta-task", description = "Only this meta-task (CLS, I-RET, ...).")
    String metaTask;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    private static final String ROW = "%-10s %-46s %-7s %-13s %-4s %-14s %-7s %8s%n";
    private static final String HEADER =
        String.format(
            Locale.ROOT,
            ROW,
            "benchmark",
            "name",
            "modal.",
            "meta-task",
            "split",
            "metric",
            "eval",
            "queries");

    @Override
    public Integer call() {
      List<TaskSpec> tasks = selected();
      PrintWriter out = spec.commandLine().getOut();
      out.print(HEADER);
      tasks.forEach(task -> printRow(out, task));
      out.printf(Locale.ROOT, "%d tasks%n", tasks.size());
      return 0;
    }

    private List<TaskSpec> selected() {
      return registry.load().all().stream()
          .map(LoadedTask::spec)
          .filter(t -> benchmark == null || t.benchmark().equalsIgnoreCase(benchmark))
          .filter(t -> metaTask == null || t.metaTask().label().equalsIgnoreCase(metaTask))
          .toList();
    }

    private static void printRow(PrintWriter out, TaskSpec t) {
      out.printf(
          Locale.ROOT,
          ROW,
          t.benchmark(),
          t.name(),
          t.modality().label(),
          t.metaTask().label(),
          t.split() == null ? "-" : t.splitLabel(),
          t.mainMetric(),
          t.evalType().name().toLowerCase(Locale.ROOT),
          t.expectedQueries());
    }
  }

  @Command(name = "show", description = "One task's file, as the registry reads it.")
  static final class ShowTask implements Callable<Integer> {
    @Mixin RegistryOptions registry;

    @Option(names = "--benchmark", description = "Disambiguate a name used by several benchmarks.")
    String benchmark;

    @Parameters(paramLabel = "NAME")
    String name;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      List<LoadedTask> found = found(registry.load());
      PrintWriter out = spec.commandLine().getOut();
      for (LoadedTask t : found) {
        out.println("# " + t.file());
        out.println(java.nio.file.Files.readString(t.file()).strip());
      }
      return 0;
    }

    /** The tasks of that name (in that benchmark); at least one. */
    private List<LoadedTask> found(TaskRegistry tasks) {
      List<LoadedTask> found =
          tasks.findByName(name).stream()
              .filter(t -> benchmark == null || t.spec().benchmark().equals(benchmark))
              .toList();
      if (found.isEmpty()) {
        throw new UserError("no task named '" + name + "' (see: mmeb-eval tasks list)");
      }
      return found;
    }
  }
}
