package org.mmeb.eval.task;

import java.util.Locale;

/** The ranking metrics of the V2 reference ({@code RankingMetrics} in {@code metrics.py}). */
public enum Metric {
  HIT,
  NDCG_LINEAR,
  NDCG_EXPONENTIAL,
  PRECISION,
  RECALL,
  F1,
  MAP,
  MRR;

  /** The name used in score files: {@code hit}, {@code ndcg_linear}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
