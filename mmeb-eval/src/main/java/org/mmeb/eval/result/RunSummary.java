package org.mmeb.eval.result;

import java.util.List;
import org.mmeb.eval.score.ConfidenceInterval;

/**
 * The run's aggregate scores: present/expected datasets, whether the run is partial, every group
 * (overall first) and the bootstrap interval of the overall score.
 */
public record RunSummary(
    int present, int expected, boolean partial, List<Group> groups, ConfidenceInterval overallCi) {
  public RunSummary {
    groups = List.copyOf(groups);
  }

  /**
   * A group mean in percent, unrounded (null when none of its datasets is present, never the string
   * "NaN"), with the paper's display (partial runs say so).
   */
  public record Group(
      String kind,
      String group,
      int present,
      int expected,
      boolean partial,
      Double meanPercent,
      String display) {}
}
