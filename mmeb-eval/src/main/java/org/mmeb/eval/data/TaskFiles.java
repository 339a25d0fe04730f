package org.mmeb.eval.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.TaskSpec;

/**
 * The files a task's data is read from, for the data hashes of provenance: the table files the
 * reader opens ({@link DataLocations#tables}; for BEIR each of queries, corpus and qrels, chosen as
 * {@link BeirVisdocReader} chooses them) and the image archive when the images come from one. A
 * folder of images is not hashed file by file.
 */
public final class TaskFiles {
  private TaskFiles() {}

  /** Call after the task was read: a file the reader needed and did not find was reported there. */
  public static List<Path> of(TaskSpec spec, Path dataRoot) {
    List<Path> files = new ArrayList<>();
    if (spec.layout() == Layout.BEIR_VISDOC) {
      for (String part : BeirVisdocReader.PART_NAMES) {
        files.addAll(BeirVisdocReader.files(spec, dataRoot, part));
      }
    } else {
      DataLocations.tables(spec, dataRoot).forEach(table -> files.add(table.file()));
    }
    imageArchive(spec, dataRoot).ifPresent(files::add);
    return files;
  }

  private static Optional<Path> imageArchive(TaskSpec spec, Path dataRoot) {
    String images = spec.source().images();
    if (images == null || images.isBlank()) {
      return Optional.empty();
    }
    return DataLocations.imageCandidates(spec, dataRoot.resolve(images)).stream()
        .filter(Files::exists)
        .findFirst()
        .filter(Files::isRegularFile);
  }
}
