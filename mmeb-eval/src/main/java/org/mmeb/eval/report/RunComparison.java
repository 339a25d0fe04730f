package org.mmeb.eval.report;

import java.util.List;

/**
 * Two runs of one benchmark compared: per dataset (in the registry's order) and per aggregate
 * (headline first), each with its paired p-value.
 */
public record RunComparison(
    String benchmark,
    String baselineName,
    String candidateName,
    List<ScoreDelta> datasets,
    List<ScoreDelta> aggregates) {

  public RunComparison {
    datasets = List.copyOf(datasets);
    aggregates = List.copyOf(aggregates);
  }

  /** The headline aggregate (Overall / All): the first aggregate. */
  public ScoreDelta headline() {
    return aggregates.get(0);
  }

  /** Datasets where the candidate is significantly better / worse, and the rest. */
  public record Tally(int wins, int losses, int unchanged, int untested) {}

  public Tally tally(double alpha) {
    int wins = 0;
    int losses = 0;
    int unchanged = 0;
    int untested = 0;
    for (ScoreDelta d : datasets) {
      if (!d.covered() || !d.tested()) {
        untested++;
      } else if (d.significant(alpha) && d.points() > 0) {
        wins++;
      } else if (d.significant(alpha) && d.points() < 0) {
        losses++;
      } else {
        unchanged++;
      }
    }
    return new Tally(wins, losses, unchanged, untested);
  }
}
