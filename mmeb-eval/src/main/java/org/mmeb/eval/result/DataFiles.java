package org.mmeb.eval.result;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.DataLocations;
import org.mmeb.eval.task.TaskSpec;

/**
 * The table files a task reads ({@code source.file_pattern}, with BEIR's {@code
 * {queries,corpus,qrels}} expanded), for the data hashes of provenance. Image archives are not
 * hashed here: they are large and shared by many tasks.
 */
public final class DataFiles {
  private DataFiles() {}

  public static List<Path> of(TaskSpec spec, Path dataRoot) {
    String pattern = spec.source().filePattern();
    if (pattern == null) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    for (String expanded : expandBraces(pattern)) {
      try {
        files.addAll(DataLocations.tableFiles(spec, dataRoot, expanded));
      } catch (UserError e) {
        // a file the reader did not need is not provenance
      }
    }
    return files;
  }

  static List<String> expandBraces(String pattern) {
    int open = pattern.indexOf('{');
    int close = pattern.indexOf('}', open + 1);
    if (open < 0 || close < 0) {
      return List.of(pattern);
    }
    List<String> out = new ArrayList<>();
    for (String part : pattern.substring(open + 1, close).split(",")) {
      out.addAll(
          expandBraces(pattern.substring(0, open) + part.strip() + pattern.substring(close + 1)));
    }
    return out;
  }
}
