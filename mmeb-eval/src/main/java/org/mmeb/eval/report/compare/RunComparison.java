package org.mmeb.eval.report.compare;

import java.util.List;
import java.util.function.Predicate;

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

  /**
   * Of the datasets both runs have: significantly better / worse, no significant change, and
   * untested (no paired per-query outcomes); datasets only one run has are counted apart.
   */
  public record Tally(int wins, int losses, int unchanged, int untested, int oneRunOnly) {
    /** The datasets both runs have: what was compared. */
    public int compared() {
      return wins + losses + unchanged + untested;
    }
  }

  public Tally tally(double alpha) {
    List<ScoreDelta> compared = datasets.stream().filter(ScoreDelta::covered).toList();
    int untested = count(compared, d -> !d.tested());
    int wins = count(compared, d -> d.significant(alpha) && d.points() > 0);
    int losses = count(compared, d -> d.significant(alpha) && d.points() < 0);
    int unchanged = compared.size() - wins - losses - untested;
    return new Tally(wins, losses, unchanged, untested, datasets.size() - compared.size());
  }

  private static int count(List<ScoreDelta> deltas, Predicate<ScoreDelta> which) {
    return (int) deltas.stream().filter(which).count();
  }
}
