package org.mmeb.eval.data;

import java.util.List;
import org.mmeb.eval.task.TaskSpec;

/**
 * A task's data as read from disk: rows in file order, the global candidate set (for {@code global}
 * tasks: every deduplicated candidate in first-occurrence order; empty for {@code local} tasks) and
 * the image store that resolves the items' image paths.
 */
public record TaskData(
    TaskSpec spec, List<QueryRow> rows, List<Item> globalCandidates, ImageStore images) {
  /** The rows and candidates to rank, without the image store. */
  public RankingTask ranking() {
    return new RankingTask(spec, rows, globalCandidates);
  }
}
