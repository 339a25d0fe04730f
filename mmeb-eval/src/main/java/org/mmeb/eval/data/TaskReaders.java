package org.mmeb.eval.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmeb.eval.UserError;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.TaskSpec;

/** The one entry point to read a task's data: picks the reader for the task's layout. */
public final class TaskReaders {
  private TaskReaders() {}

  public static TaskData read(TaskSpec spec, Path dataRoot) throws IOException {
    return read(spec, dataRoot, PromptProfile.MMEB);
  }

  /** The task's data with texts as the reference composes them for a backbone. */
  public static TaskData read(TaskSpec spec, Path dataRoot, PromptProfile profile)
      throws IOException {
    if (!Files.isDirectory(dataRoot)) {
      throw new UserError(dataRoot + ": data folder not found");
    }
    return readerFor(spec).read(spec, dataRoot, profile);
  }

  public static TaskReader readerFor(TaskSpec spec) {
    return switch (spec.layout()) {
      case MMEB_V1_PARQUET -> new MmebV1Reader();
      case MMEB_V2_IMAGE_PARQUET -> new MmebV2ImageReader();
      case BEIR_VISDOC -> new BeirVisdocReader();
      case VIDEO_FRAMES -> new VideoFramesReader();
    };
  }

  /** Every image path the rows name (queries and candidates). */
  static Set<String> imagePaths(List<QueryRow> rows) {
    Set<String> paths = new HashSet<>();
    for (QueryRow row : rows) {
      paths.addAll(row.query().images());
      row.candidates().forEach(candidate -> paths.addAll(candidate.images()));
    }
    return paths;
  }

  /**
   * The task's data from rows that list their own candidates. For a {@code global} task the
   * candidate set is every row's candidates deduplicated by key, first occurrence wins (the
   * reference's {@code generate_cand_dataset}), and the rows keep only their relevance labels; for
   * a {@code local} task the rows' candidates are numbered ({@link CandidateNumbering}), by the
   * reader already or here.
   */
  static TaskData assemble(TaskSpec spec, List<QueryRow> rows, ImageStore images) {
    if (spec.evalType() != EvalType.GLOBAL) {
      return new TaskData(spec, CandidateNumbering.rows(rows), List.of(), images);
    }
    Map<String, Item> unique = new LinkedHashMap<>();
    List<QueryRow> globalRows = new ArrayList<>(rows.size());
    for (QueryRow row : rows) {
      for (Item candidate : row.candidates()) {
        unique.putIfAbsent(candidate.key(), candidate);
      }
      globalRows.add(new QueryRow(row.row(), row.query(), List.of(), row.relevance()));
    }
    return new TaskData(spec, globalRows, new ArrayList<>(unique.values()), images);
  }
}
