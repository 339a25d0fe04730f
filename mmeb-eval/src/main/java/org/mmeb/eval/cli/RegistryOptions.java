package org.mmeb.eval.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mmeb.eval.task.TaskRegistry;
import picocli.CommandLine.Option;

/** Shared options: where the task registry is, and a user's own task files. */
public final class RegistryOptions {
  @Option(
      names = "--tasks-dir",
      defaultValue = "tasks",
      description = "Task registry root (default: ${DEFAULT-VALUE}).")
  Path tasksDir;

  @Option(names = "--task-file", description = "An extra task file of your own (repeatable).")
  List<Path> taskFiles = new ArrayList<>();

  public TaskRegistry load() {
    return TaskRegistry.load(tasksDir, taskFiles);
  }
}
