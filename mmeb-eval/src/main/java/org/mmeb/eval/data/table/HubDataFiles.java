package org.mmeb.eval.data.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mmeb.eval.UserError;
import org.mmeb.eval.task.TaskSpec;

/**
 * Which files of a hub dataset repo hold a config's split, by the hub's layout conventions (the
 * rules the {@code datasets} library applies when a repo declares no data files): only table files
 * ({@code .parquet}, {@code .jsonl}, {@code .json}) count; a config is a top-level folder ({@code
 * MC/test-….parquet}, {@code test_1k/…}, {@code Subset/…}) or a file named after it ({@code
 * json/action_sequence.json}); a split is a word of the path delimited by {@code -._ /} or digits
 * ({@code data/test.jsonl}, {@code data/val-00000-of-00001.parquet}); when no file names any split,
 * every file is the {@code train} split. Paths are relative to the repo, '/'-separated, and are
 * returned in name order.
 */
public final class HubDataFiles {
  private static final List<String> SPLIT_WORDS =
      List.of("train", "training", "validation", "valid", "val", "dev", "test", "testing", "eval");

  private HubDataFiles() {}

  /** The files of {@code config} (null = the repo's only config) and {@code split}. */
  public static List<String> select(List<String> repoPaths, String config, String split) {
    List<String> tables =
        repoPaths.stream()
            .filter(TableFiles::isTable)
            .filter(path -> !hidden(path))
            .sorted()
            .toList();
    List<String> ofConfig = config == null ? tables : ofConfig(tables, config);
    boolean anySplit =
        ofConfig.stream().anyMatch(p -> SPLIT_WORDS.stream().anyMatch(w -> names(p, w)));
    if (!anySplit) {
      return split == null || split.equals("train") ? ofConfig : List.of();
    }
    return split == null ? ofConfig : ofConfig.stream().filter(path -> names(path, split)).toList();
  }

  private static List<String> ofConfig(List<String> tables, String config) {
    List<String> inFolder = tables.stream().filter(p -> p.startsWith(config + "/")).toList();
    if (!inFolder.isEmpty()) {
      return inFolder;
    }
    return tables.stream().filter(p -> stem(p).equals(config)).toList();
  }

  /** Whether the split's name is a word of the path (the hub's {@code [-._ 0-9/]} delimiters). */
  static boolean names(String path, String split) {
    String delimiter = "[-._ 0-9/]";
    Pattern word =
        Pattern.compile(
            "(^|"
                + delimiter
                + ")"
                + Pattern.quote(split.toLowerCase(Locale.ROOT))
                + "($|"
                + delimiter
                + ")");
    return word.matcher(path.toLowerCase(Locale.ROOT)).find();
  }

  private static String stem(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static boolean hidden(String path) {
    for (String part : path.split("/")) {
      if (part.startsWith(".") || part.startsWith("__")) {
        return true;
      }
    }
    return false;
  }

  /** The configs a task reads: its list, or the repo's only config (null). */
  public static List<String> configs(TaskSpec.DataSource source) {
    return source.configs().isEmpty() ? Arrays.asList((String) null) : source.configs();
  }

  /** {@link #select}, or a one-line error naming the task, config, split and what is there. */
  public static List<String> selectOrFail(
      String task, List<String> repoPaths, String config, String split, String where) {
    List<String> files = select(repoPaths, config, split);
    if (files.isEmpty()) {
      throw new UserError(
          task
              + ": no table of "
              + (config == null ? "" : "config '" + config + "', ")
              + "split '"
              + split
              + "' in "
              + where
              + " (found: "
              + describe(repoPaths)
              + ")");
    }
    return files;
  }

  /** Where nothing matched: what the repo has, for the error message. */
  static String describe(List<String> repoPaths) {
    List<String> tables =
        new ArrayList<>(repoPaths.stream().filter(TableFiles::isTable).sorted().toList());
    int shown = Math.min(tables.size(), 8);
    String list = String.join(", ", tables.subList(0, shown));
    return tables.isEmpty()
        ? "no .parquet/.json/.jsonl files"
        : list + (tables.size() > shown ? ", … (" + tables.size() + " table files)" : "");
  }
}
