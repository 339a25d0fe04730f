package org.mmeb.eval.reason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.PromptTokens;
import org.mmeb.eval.result.FileHashes;
import org.mmeb.eval.task.TaskSpec;

/**
 * The reasoner's prompts, one template file per meta-task ({@code DIR/<meta_task>.txt}),
 * overridable per task ({@code DIR/tasks/<task>.txt}), else {@code DIR/default.txt}. A template
 * names the query as {@code {query}} (its text without the image and video placeholders: the
 * reasoner gets the images themselves) and may name the task as {@code {task}}.
 */
public final class PromptTemplates {
  /** A template file's text and its SHA-256 (part of every trace's cache key). */
  public record Prompt(String name, String text, String sha256) {
    public String render(TaskSpec task, String queryText) {
      String query =
          queryText.replace(PromptTokens.IMAGE, "").replace(PromptTokens.VIDEO, "").strip();
      return text.replace("{task}", task.name()).replace("{query}", query);
    }
  }

  private final Path dir;
  private final Map<Path, Prompt> loaded = new ConcurrentHashMap<>();

  public PromptTemplates(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserError(dir + ": no prompt folder here (see README: Reasoning traces)");
    }
    this.dir = dir;
  }

  /** The template for a task: its own file, its meta-task's, or the default. */
  public Prompt forTask(TaskSpec task) {
    List<Path> candidates =
        List.of(
            dir.resolve("tasks").resolve(task.name() + ".txt"),
            dir.resolve(task.metaTask() + ".txt"),
            dir.resolve("default.txt"));
    for (Path file : candidates) {
      if (Files.isRegularFile(file)) {
        return loaded.computeIfAbsent(file, this::load);
      }
    }
    throw new UserError(task.name() + ": no prompt template; expected one of " + candidates);
  }

  /** Every template used so far, by its path relative to the prompt folder, with its hash. */
  public Map<String, String> hashes() {
    Map<String, String> out = new TreeMap<>();
    loaded.forEach((file, prompt) -> out.put(prompt.name(), prompt.sha256()));
    return out;
  }

  private Prompt load(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (!text.contains("{query}")) {
        throw new UserError(file + ": a prompt template must contain {query}");
      }
      String name = dir.relativize(file).toString().replace('\\', '/');
      return new Prompt(name, text, FileHashes.sha256(text));
    } catch (IOException e) {
      throw new UserError(file + ": cannot read the prompt template: " + e.getMessage(), e);
    }
  }
}
