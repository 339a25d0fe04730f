package org.mmeb.eval.score;

import java.math.BigDecimal;

/**
 * The mean of the main scores (in percent, unrounded) of the datasets of one group: a meta-task, a
 * split (IND/OOD), a modality or the whole benchmark. A group with fewer datasets present than
 * expected is partial, and says so wherever it is shown.
 */
public record GroupScore(String kind, String group, int present, int expected, double meanPercent) {
  public static final String OVERALL = "overall";
  public static final String MODALITY = "modality";
  public static final String META_TASK = "meta_task";
  public static final String SPLIT = "split";

  public boolean partial() {
    return present < expected;
  }

  /** The paper's rounding of the mean; null when no dataset of the group is present. */
  public BigDecimal display() {
    return present == 0 ? null : PaperRounding.aggregate(meanPercent);
  }

  /** E.g. {@code 62.9}, or {@code 58.1 (partial 30/36)}. */
  public String displayText() {
    String value = PaperRounding.format(display());
    return partial() ? value + " (partial " + present + "/" + expected + ")" : value;
  }
}
