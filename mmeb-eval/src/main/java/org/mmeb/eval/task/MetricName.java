package org.mmeb.eval.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.mmeb.eval.UserError;

/** A metric at a cutoff, spelled as in score files: {@code hit@1}, {@code ndcg_linear@5}. */
public record MetricName(Metric metric, int k) {
  public static final int[] CUTOFFS = {1, 5, 10};

  /** The largest cutoff: how many ranked candidates a query's metrics need. */
  public static final int MAX_K = 10;

  /** All 24 metrics, in the key order of the reference's {@code *_score.json}. */
  public static final List<MetricName> ALL = all();

  private static List<MetricName> all() {
    List<MetricName> names = new ArrayList<>();
    for (Metric m : Metric.values()) {
      for (int k : CUTOFFS) {
        names.add(new MetricName(m, k));
      }
    }
    return List.copyOf(names);
  }

  @JsonCreator
  public static MetricName parse(String text) {
    for (MetricName name : ALL) {
      if (name.toString().equals(text)) {
        return name;
      }
    }
    throw new UserError("unknown metric '" + text + "' (expected e.g. hit@1, ndcg_linear@5)");
  }

  public int index() {
    return metric.ordinal() * CUTOFFS.length + cutoffIndex();
  }

  private int cutoffIndex() {
    for (int i = 0; i < CUTOFFS.length; i++) {
      if (CUTOFFS[i] == k) {
        return i;
      }
    }
    throw new IllegalStateException("cutoff " + k);
  }

  @JsonValue
  @Override
  public String toString() {
    return metric.key() + "@" + k;
  }
}
