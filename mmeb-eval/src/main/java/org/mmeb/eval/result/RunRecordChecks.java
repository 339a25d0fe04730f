package org.mmeb.eval.result;

import java.util.Locale;
import java.util.Map;
import org.mmeb.eval.UserError;

/**
 * What a run.json read from disk must satisfy before its numbers are ranked or compared: every
 * score a fraction in [0, 1] (NaN only for a dataset without queries), the main score equal to its
 * metric and to the mean of the per-query values it came from, and counts that agree with each
 * other. A hand-edited main_score of 57 used to be ranked first with Overall 842.9.
 */
final class RunRecordChecks {
  /** Room for the order of summation (numpy's pairwise sum vs. a plain one). */
  private static final double MEAN_TOLERANCE = 1e-9;

  private RunRecordChecks() {}

  static void check(RunRecord record, String file) {
    for (DatasetResult d : record.datasets()) {
      check(file + ": dataset " + d.task(), d);
    }
  }

  private static void check(String where, DatasetResult d) {
    if (d.queries() < 0) {
      throw new UserError(where + ": queries is " + d.queries());
    }
    boolean empty = d.queries() == 0;
    checkFractions(where, d, empty);
    checkMainMetric(where, d, empty);
    checkCounts(where, d);
    if (d.outcomes() != null && !empty) {
      checkOutcomes(where, d);
      checkTies(where, d);
    }
  }

  /** Every score a fraction in [0, 1]; NaN only in a dataset without queries. */
  private static void checkFractions(String where, DatasetResult d, boolean empty) {
    fraction(where, "main_score", d.mainScore(), empty);
    for (Map.Entry<String, Double> m : d.metrics().entrySet()) {
      fraction(where, "metric " + m.getKey(), m.getValue(), empty);
    }
  }

  private static void checkMainMetric(String where, DatasetResult d, boolean empty) {
    Double main = d.metrics().get(d.mainMetric());
    if (main != null && !empty && main.doubleValue() != d.mainScore()) {
      throw new UserError(
          where
              + ": main_score "
              + d.mainScore()
              + " differs from its "
              + d.mainMetric()
              + " "
              + main);
    }
  }

  private static void checkCounts(String where, DatasetResult d) {
    boolean countsRecorded = d.counts() != null && !d.counts().equals(RunCounts.NONE);
    if (countsRecorded && d.counts().queries() != d.queries()) {
      throw new UserError(
          where + ": counts.queries " + d.counts().queries() + " but queries " + d.queries());
    }
  }

  private static void checkTies(String where, DatasetResult d) {
    int hits = TiedHits.hits(d);
    if (d.tiedAtTop() != null && (d.tiedAtTop() < 0 || d.tiedAtTop() > hits)) {
      throw new UserError(
          where + ": tied_at_top " + d.tiedAtTop() + " but " + hits + " hits at rank 1");
    }
  }

  private static void checkOutcomes(String where, DatasetResult d) {
    requireOneOutcomePerQuery(where, d);
    double mean = checkedMean(where, d.outcomes().mainValue());
    if (Math.abs(mean - d.mainScore()) > MEAN_TOLERANCE) {
      throw new UserError(
          String.format(
              Locale.ROOT,
              "%s: main_score %s is not the mean of its %d per-query values (%.6f)",
              where,
              d.mainScore(),
              d.queries(),
              mean));
    }
  }

  private static void requireOneOutcomePerQuery(String where, DatasetResult d) {
    DatasetResult.Outcomes o = d.outcomes();
    if (o.row().length != d.queries()
        || o.firstPositiveRank().length != d.queries()
        || o.mainValue().length != d.queries()) {
      throw new UserError(
          where + ": " + d.queries() + " queries but " + o.mainValue().length + " outcomes");
    }
  }

  /** The mean of the per-query values, each checked to be a fraction. */
  private static double checkedMean(String where, double[] values) {
    double sum = 0;
    for (double v : values) {
      fraction(where, "an outcome's main_value", v, false);
      sum += v;
    }
    return sum / values.length;
  }

  private static void fraction(String where, String what, double value, boolean emptyDataset) {
    boolean ok = emptyDataset ? Double.isNaN(value) || inUnit(value) : inUnit(value);
    if (!ok) {
      throw new UserError(where + ": " + what + " is " + value + ", expected a value in [0, 1]");
    }
  }

  private static boolean inUnit(double value) {
    return value >= 0 && value <= 1;
  }
}
