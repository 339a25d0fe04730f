package org.mmeb.eval.report.reproduce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run against a published column, cell by cell as printed (one decimal, paper rounding): the
 * delta of each dataset and aggregate the paper prints, flagged where it exceeds the tolerance.
 * Cells the run does not have are listed as missing, not flagged: a partial run is reported, and
 * its coverage says so.
 */
public record Reproduction(
    String paper, BigDecimal tolerance, List<Cell> datasets, List<Cell> aggregates) {

  public Reproduction {
    datasets = List.copyOf(datasets);
    aggregates = List.copyOf(aggregates);
  }

  /** One printed cell; {@code run} is null when the run lacks it. */
  public record Cell(String name, BigDecimal run, BigDecimal paper, BigDecimal tolerance) {
    public BigDecimal delta() {
      return run == null ? null : run.subtract(paper);
    }

    public boolean missing() {
      return run == null;
    }

    public boolean flagged() {
      return run != null && delta().abs().compareTo(tolerance) > 0;
    }
  }

  /**
   * @param runDatasets the run's per-dataset scores as the paper would print them
   * @param paperDatasets the published column
   * @param runAggregates the run's aggregates (only complete groups), as printed
   * @param paperAggregates the published aggregates, by the same names
   */
  public static Reproduction of(
      String paper,
      BigDecimal tolerance,
      Map<String, BigDecimal> runDatasets,
      Map<String, BigDecimal> paperDatasets,
      Map<String, BigDecimal> runAggregates,
      Map<String, BigDecimal> paperAggregates) {
    return new Reproduction(
        paper,
        tolerance,
        cells(runDatasets, paperDatasets, tolerance),
        cells(runAggregates, paperAggregates, tolerance));
  }

  private static List<Cell> cells(
      Map<String, BigDecimal> run, Map<String, BigDecimal> paper, BigDecimal tolerance) {
    List<Cell> cells = new ArrayList<>();
    paper.forEach((name, value) -> cells.add(new Cell(name, run.get(name), value, tolerance)));
    return cells;
  }

  public List<Cell> flagged() {
    return java.util.stream.Stream.concat(datasets.stream(), aggregates.stream())
        .filter(Cell::flagged)
        .toList();
  }

  public long missingDatasets() {
    return datasets.stream().filter(Cell::missing).count();
  }
}
