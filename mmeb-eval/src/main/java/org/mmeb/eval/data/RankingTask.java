package org.mmeb.eval.data;

import java.util.List;
import org.mmeb.eval.task.TaskSpec;

/**
 * What a task ranks, without the files it was read from: the spec, the rows in file order and the
 * global candidate set (empty for {@code local} tasks). The scorer's input.
 */
public record RankingTask(TaskSpec spec, List<QueryRow> rows, List<Item> globalCandidates) {}
