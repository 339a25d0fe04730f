package org.mmeb.eval.score;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmeb.eval.task.Metric;
import org.mmeb.eval.task.MetricName;

/**
 * One query's 24 metric values (in {@link MetricName#ALL} order) from its ranked candidate keys and
 * its relevance grades, with the definitions of the V2 reference ({@code RankingMetrics} in {@code
 * src/utils/eval_utils/metrics.py}), edge cases included:
 *
 * <ul>
 *   <li>precision@k divides by k even when fewer than k candidates exist;
 *   <li>a query without relevant labels gets recall 1.0 and 0 for every other metric;
 *   <li>precision and recall count distinct relevant keys in the top k, while map, mrr and ndcg
 *       walk the ranked list, so a relevant key ranked twice (a duplicate candidate) counts twice
 *       for map and ndcg;
 *   <li>map@k normalises by min(#relevant, k).
 * </ul>
 *
 * <p>Graded relevance: each label keeps its own grade (binary relevance is grade 1 everywhere,
 * which gives the reference's binary formula exactly). The reference instead pairs {@code
 * list(set(labels))} with {@code rel_scores} in their original order, so when a query's positives
 * have different grades its graded ndcg depends on Python's per-process string hash order; ours is
 * the intended pairing and is deterministic.
 */
public final class QueryMetrics {
  /**
   * {@code np.log2(i + 2)} for i = 0..9, as numpy computes them (Math.log ratios differ by 1 ulp).
   */
  private static final double[] LOG2 = {
    1.0,
    1.584962500721156,
    2.0,
    2.321928094887362,
    2.584962500721156,
    2.807354922057604,
    3.0,
    3.169925001442312,
    3.321928094887362,
    3.4594316186372973
  };

  private QueryMetrics() {}

  /**
   * @param ranked candidate keys in rank order (at least the top {@link MetricName#MAX_K}, or all)
   * @param grades relevant candidate keys and their grades (> 0)
   */
  public static double[] compute(List<String> ranked, Map<String, Double> grades) {
    double[] values = new double[MetricName.ALL.size()];
    for (int k : MetricName.CUTOFFS) {
      List<String> top = ranked.subList(0, Math.min(k, ranked.size()));
      put(values, Metric.HIT, k, hit(top, grades));
      put(values, Metric.PRECISION, k, precision(top, grades, k));
      put(values, Metric.RECALL, k, recall(top, grades));
      put(values, Metric.F1, k, f1(precision(top, grades, k), recall(top, grades)));
      put(values, Metric.MAP, k, averagePrecision(top, grades, k));
      put(values, Metric.MRR, k, reciprocalRank(top, grades));
      put(values, Metric.NDCG_LINEAR, k, ndcg(top, grades, k, false));
      put(values, Metric.NDCG_EXPONENTIAL, k, ndcg(top, grades, k, true));
    }
    return values;
  }

  private static void put(double[] values, Metric metric, int k, double value) {
    values[new MetricName(metric, k).index()] = value;
  }

  private static int distinctRelevant(List<String> top, Map<String, Double> grades) {
    Set<String> seen = new HashSet<>();
    for (String key : top) {
      if (grades.containsKey(key)) {
        seen.add(key);
      }
    }
    return seen.size();
  }

  static double hit(List<String> top, Map<String, Double> grades) {
    return distinctRelevant(top, grades) > 0 ? 1.0 : 0.0;
  }

  static double precision(List<String> top, Map<String, Double> grades, int k) {
    return grades.isEmpty() ? 0.0 : (double) distinctRelevant(top, grades) / k;
  }

  static double recall(List<String> top, Map<String, Double> grades) {
    return grades.isEmpty() ? 1.0 : (double) distinctRelevant(top, grades) / grades.size();
  }

  static double f1(double p, double r) {
    return p + r == 0 ? 0.0 : 2 * (p * r) / (p + r);
  }

  static double averagePrecision(List<String> top, Map<String, Double> grades, int k) {
    if (grades.isEmpty()) {
      return 0.0;
    }
    double score = 0.0;
    int hits = 0;
    for (int i = 0; i < top.size(); i++) {
      if (grades.containsKey(top.get(i))) {
        hits++;
        score += hits / (i + 1.0);
      }
    }
    return hits == 0 ? 0.0 : score / Math.min(grades.size(), k);
  }

  static double reciprocalRank(List<String> top, Map<String, Double> grades) {
    for (int i = 0; i < top.size(); i++) {
      if (grades.containsKey(top.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0.0;
  }

  static double ndcg(List<String> top, Map<String, Double> grades, int k, boolean exponential) {
    double[] gains = new double[top.size()];
    for (int i = 0; i < gains.length; i++) {
      gains[i] = grades.getOrDefault(top.get(i), 0.0);
    }
    double[] ideal =
        grades.values().stream()
            .mapToDouble(Double::doubleValue)
            .map(g -> -g)
            .sorted()
            .map(g -> -g)
            .limit(k)
            .toArray();
    double idcg = ideal.length == 0 ? 1.0 : dcg(ideal, exponential);
    return idcg > 0 ? dcg(gains, exponential) / idcg : 0.0;
  }

  private static double dcg(double[] gains, boolean exponential) {
    double sum = 0.0;
    for (int i = 0; i < gains.length; i++) {
      double gain = exponential ? Math.pow(2, gains[i]) - 1 : gains[i];
      sum += gain / LOG2[i];
    }
    return sum;
  }
}
