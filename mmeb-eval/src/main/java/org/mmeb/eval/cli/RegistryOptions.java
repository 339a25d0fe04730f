package org.mmeb.eval.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mmeb.eval.UserError;
import org.mmeb.eval.task.TaskRegistry;
import picocli.CommandLine.Option;

/** Shared options: where the task registry is, and a user's own task files. */
public final class RegistryOptions {
  @Option(
      names = "--tasks-dir",
      defaultValue = "${mmeb.home}/tasks",
      description = "Task registry root (default: the installation's tasks/, ${DEFAULT-VALUE}).")
  Path tasksDir;

  @Option(names = "--task-file", description = "An extra task file of your own (repeatable).")
  List<Path> taskFiles = new ArrayList<>();

  /** The registry; one that yields no task at all is an error naming the folder searched. */
  public TaskRegistry load() {
    TaskRegistry loaded = TaskRegistry.load(tasksDir, taskFiles);
    if (loaded.all().isEmpty()) {
      throw new UserError(
          "no task files found under "
              + tasksDir.toAbsolutePath().normalize()
              + (Files.isDirectory(tasksDir) ? "" : " (no such folder)")
              + "; point --tasks-dir at the registry or add --task-file FILE");
    }
    return loaded;
  }
}
