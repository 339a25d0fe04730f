package org.mmeb.eval.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mmeb.eval.Json;
import org.mmeb.eval.JsonInput;
import org.mmeb.eval.UserError;

/** The task registry: every task file under a root (one folder per benchmark) plus extra files. */
public final class TaskRegistry {
  private final Map<String, LoadedTask> tasks = new LinkedHashMap<>();

  /** A task and the file it came from (for hashes in provenance and for error messages). */
  public record LoadedTask(TaskSpec spec, Path file) {}

  public static TaskRegistry load(Path tasksRoot, List<Path> extraTaskFiles) {
    TaskRegistry registry = new TaskRegistry();
    if (Files.isDirectory(tasksRoot)) {
      for (Path file : jsonFilesUnder(tasksRoot)) {
        registry.add(file);
      }
    }
    for (Path file : extraTaskFiles) {
      registry.add(file);
    }
    return registry;
  }

  public static TaskSpec readTaskFile(Path file) {
    try {
      return Json.STRICT.readValue(file.toFile(), TaskSpec.class);
    } catch (IOException | RuntimeException e) {
      throw new UserError(file + ": not a valid task file: " + JsonInput.problem(e), e);
    }
  }

  private void add(Path file) {
    TaskSpec spec = readTaskFile(file);
    String key = key(spec.benchmark(), spec.name());
    LoadedTask previous = tasks.putIfAbsent(key, new LoadedTask(spec, file));
    if (previous != null) {
      throw new UserError(file + ": task " + key + " is already defined by " + previous.file());
    }
  }

  public List<LoadedTask> all() {
    return List.copyOf(tasks.values());
  }

  public List<TaskSpec> benchmark(String benchmark) {
    return tasks.values().stream()
        .map(LoadedTask::spec)
        .filter(t -> t.benchmark().equals(benchmark))
        .toList();
  }

  public Optional<LoadedTask> find(String benchmark, String name) {
    return Optional.ofNullable(tasks.get(key(benchmark, name)));
  }

  /** Tasks named {@code name} in any benchmark (names repeat across V1 and V2). */
  public List<LoadedTask> findByName(String name) {
    return tasks.values().stream().filter(t -> t.spec().name().equals(name)).toList();
  }

  /** The benchmark's tasks, or only the named ones (in the order given); unknown names fail. */
  public List<LoadedTask> select(String benchmark, List<String> names) {
    if (names == null || names.isEmpty()) {
      return tasks.values().stream().filter(t -> t.spec().benchmark().equals(benchmark)).toList();
    }
    List<LoadedTask> selected = new ArrayList<>();
    for (String name : names) {
      selected.add(
          find(benchmark, name)
              .orElseThrow(
                  () -> new UserError("no task '" + name + "' in benchmark " + benchmark)));
    }
    return selected;
  }

  private static String key(String benchmark, String name) {
    return benchmark + "/" + name;
  }

  private static List<Path> jsonFilesUnder(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".json"))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UserError("cannot list task files under " + root + ": " + e.getMessage(), e);
    }
  }
}
