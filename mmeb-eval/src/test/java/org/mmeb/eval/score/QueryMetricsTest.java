package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmeb.eval.task.Metric;
import org.mmeb.eval.task.MetricName;

/**
 * Hand-computed values for every metric at 1, 5, 10, following metrics.py line by line. log2(3) =
 * 1.5849625, log2(5) = 2.3219281.
 */
class QueryMetricsTest {
  private static final List<String> ELEVEN =
      List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");

  /**
   * Expected values in the order hit, ndcg_linear, ndcg_exponential, precision, recall, f1, map,
   * mrr; each at 1, 5, 10.
   */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "one positive at rank 3",
            ELEVEN,
            Map.of("c", 1.0),
            new double[][] {
              {0, 1, 1},
              {0, 0.5, 0.5},
              {0, 0.5, 0.5},
              {0, 0.2, 0.1},
              {0, 1, 1},
              {0, 1.0 / 3, 2 * 0.1 / 1.1},
              {0, 1.0 / 3, 1.0 / 3},
              {0, 1.0 / 3, 1.0 / 3}
            }),
        Arguments.of(
            "two positives at ranks 1 and 4",
            ELEVEN,
            Map.of("a", 1.0, "d", 1.0),
            new double[][] {
              {1, 1, 1},
              {1, 0.8772153153380493, 0.8772153153380493},
              {1, 0.8772153153380493, 0.8772153153380493},
              {1, 0.4, 0.2},
              {0.5, 1, 1},
              {2.0 / 3, 0.5714285714285715, 1.0 / 3},
              {1, 0.75, 0.75},
              {1, 1, 1}
            }),
        Arguments.of(
            // dcg@5 linear 1/1 + 3/2 = 2.5, ideal 3 + 1/log2(3); exponential 1 + 7/2, ideal 7 +
            // 1/log2(3)
            "graded qrels: grade 1 at rank 1, grade 3 at rank 3",
            ELEVEN,
            Map.of("a", 1.0, "c", 3.0),
            new double[][] {
              {1, 1, 1},
              {1.0 / 3, 0.6885288809404666, 0.6885288809404666},
              {1.0 / 7, 0.5897053367440438, 0.5897053367440438},
              {1, 0.4, 0.2},
              {0.5, 1, 1},
              {2.0 / 3, 0.5714285714285715, 1.0 / 3},
              {1, (1 + 2.0 / 3) / 2, (1 + 2.0 / 3) / 2},
              {1, 1, 1}
            }),
        Arguments.of(
            "no relevant label: recall 1.0, everything else 0 (reference convention)",
            ELEVEN,
            Map.of(),
            new double[][] {
              {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {1, 1, 1}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}
            }),
        Arguments.of(
            "two candidates only: precision still divides by k",
            List.of("a", "b"),
            Map.of("b", 1.0),
            new double[][] {
              {0, 1, 1},
              {0, 1 / 1.584962500721156, 1 / 1.584962500721156},
              {0, 1 / 1.584962500721156, 1 / 1.584962500721156},
              {0, 0.2, 0.1},
              {0, 1, 1},
              {0, 2 * 0.2 / 1.2, 2 * 0.1 / 1.1},
              {0, 0.5, 0.5},
              {0, 0.5, 0.5}
            }),
        Arguments.of(
            "single candidate, the positive",
            List.of("a"),
            Map.of("a", 1.0),
            new double[][] {
              {1, 1, 1},
              {1, 1, 1},
              {1, 1, 1},
              {1, 0.2, 0.1},
              {1, 1, 1},
              {1, 2 * 0.2 / 1.2, 2 * 0.1 / 1.1},
              {1, 1, 1},
              {1, 1, 1}
            }),
        Arguments.of(
            "empty candidate list",
            List.of(),
            Map.of("a", 1.0),
            new double[][] {
              {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}
            }),
        Arguments.of(
            // precision/recall count distinct keys; map and ndcg walk the list, as metrics.py does
            "a duplicate of the positive ranked twice",
            List.of("a", "a", "b"),
            Map.of("a", 1.0),
            new double[][] {
              {1, 1, 1},
              {1, 1 + 1 / 1.584962500721156, 1 + 1 / 1.584962500721156},
              {1, 1 + 1 / 1.584962500721156, 1 + 1 / 1.584962500721156},
              {1, 0.2, 0.1},
              {1, 1, 1},
              {1, 2 * 0.2 / 1.2, 2 * 0.1 / 1.1},
              {1, 2, 2},
              {1, 1, 1}
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyMetricAtEveryCutoff(
      String name, List<String> ranked, Map<String, Double> grades, double[][] expected) {
    double[] values = QueryMetrics.compute(ranked, grades);
    Map<String, Double> actual = new LinkedHashMap<>();
    Map<String, Double> wanted = new LinkedHashMap<>();
    for (MetricName metric : MetricName.ALL) {
      actual.put(metric.toString(), values[metric.index()]);
      wanted.put(metric.toString(), expected[metric.metric().ordinal()][metric.index() % 3]);
    }
    assertThat(actual.keySet()).containsExactlyElementsOf(wanted.keySet());
    wanted.forEach(
        (metric, value) ->
            assertThat(actual.get(metric)).as(metric).isCloseTo(value, within(1e-12)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void binaryRelevanceIsGradeOne(
      String name, List<String> ranked, Map<String, Double> grades, double[][] expected) {
    Map<String, Double> binary = new LinkedHashMap<>();
    grades.keySet().forEach(k -> binary.put(k, 1.0));
    double[] values = QueryMetrics.compute(ranked, binary);
    int linear5 = new MetricName(Metric.NDCG_LINEAR, 5).index();
    int exponential5 = new MetricName(Metric.NDCG_EXPONENTIAL, 5).index();
    assertThat(values[linear5]).isEqualTo(values[exponential5]);
  }

  @org.junit.jupiter.api.Test
  void metricNamesFollowTheScoreFileKeyOrder() {
    assertThat(MetricName.ALL.stream().map(MetricName::toString).toList())
        .startsWith("hit@1", "hit@5", "hit@10", "ndcg_linear@1")
        .endsWith("map@10", "mrr@1", "mrr@5", "mrr@10")
        .hasSize(24);
    assertThat(MetricName.parse("ndcg_linear@5")).isEqualTo(new MetricName(Metric.NDCG_LINEAR, 5));
  }

  /**
   * The reference's set() quirk: RankingMetrics.evaluate pairs list(set(labels)) with rel_scores in
   * their original order, so with grades {a: 3, b: 1} it may score as if a had 1 and b had 3,
   * depending on PYTHONHASHSEED. We keep each label's own grade.
   */
  @org.junit.jupiter.api.Test
  void gradedNdcgPairsEachLabelWithItsOwnGrade() {
    double[] values = QueryMetrics.compute(List.of("b", "a"), Map.of("a", 3.0, "b", 1.0));
    double log2of3 = 1.584962500721156;
    assertThat(values[new MetricName(Metric.NDCG_LINEAR, 5).index()])
        .isEqualTo((1 + 3 / log2of3) / (3 + 1 / log2of3));
    assertThat(values[new MetricName(Metric.NDCG_EXPONENTIAL, 5).index()])
        .isEqualTo((1 + 7 / log2of3) / (7 + 1 / log2of3));
  }
}
