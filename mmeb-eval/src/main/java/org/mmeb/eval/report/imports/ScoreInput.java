package org.mmeb.eval.report.imports;

import java.util.List;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.result.Reasoning;

/**
 * What a command is pointed at, read once: its scores and, for a run, what compare and check say
 * beside them. All three come from one read of a run's file, so a file rewritten meanwhile cannot
 * mix two versions.
 *
 * @param reasoning the run's reasoning block (null: imported scores, or a run without traces)
 * @param tieFlags the run's datasets whose hits the tie rule decided, one line each (empty for
 *     imported scores, which carry no per-query outcomes)
 */
public record ScoreInput(ScoreSource scores, Reasoning reasoning, List<String> tieFlags) {
  public ScoreInput {
    tieFlags = List.copyOf(tieFlags);
  }
}
