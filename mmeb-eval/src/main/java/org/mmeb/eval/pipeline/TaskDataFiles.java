package org.mmeb.eval.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.DataLocations;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.TaskSpec;

/**
 * The files a task's data comes from, for the run record's data hashes: the tables, and the image
 * archive when images come from one (a folder of images is not hashed file by file).
 */
final class TaskDataFiles {
  private static final List<String> BEIR_PARTS = List.of("queries", "corpus", "qrels");

  private TaskDataFiles() {}

  static List<Path> of(TaskSpec spec, Path dataRoot) {
    List<Path> files = new ArrayList<>();
    if (spec.layout() == Layout.BEIR_VISDOC) {
      for (String part : BEIR_PARTS) {
        files.addAll(DataLocations.tableFiles(spec, dataRoot, part + "/*.parquet"));
      }
      return files;
    }
    files.add(DataLocations.tableFile(spec, dataRoot));
    String images = spec.source().images();
    if (images != null && !images.isBlank()) {
      try {
        Path location = DataLocations.imageLocation(spec, dataRoot);
        if (Files.isRegularFile(location)) {
          files.add(location);
        }
      } catch (UserError noImages) {
        // the reader has already reported missing images if the task needs them
      }
    }
    return files;
  }
}
