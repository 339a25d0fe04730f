package org.mmeb.eval.result.submission;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mmeb.eval.SafeFileName;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;

/** The files of one task in a submission folder, and which keys a task needs vectors for. */
final class TaskVectors {
  static final String QUERIES = "queries.npy";
  static final String CANDIDATES = "candidates.npy";
  static final String CANDIDATE_KEYS = "candidate_keys.json";

  private TaskVectors() {}

  static Path dir(Path submission, String task) {
    return submission.resolve(SafeFileName.of(task));
  }

  /** Every candidate key the task ranks, in first-occurrence order (rows, then global set). */
  static List<String> candidateKeys(TaskData data) {
    Set<String> keys = new LinkedHashSet<>();
    for (QueryRow row : data.rows()) {
      row.candidates().forEach(c -> keys.add(c.key()));
    }
    data.globalCandidates().stream().map(Item::key).forEach(keys::add);
    return List.copyOf(keys);
  }
}
