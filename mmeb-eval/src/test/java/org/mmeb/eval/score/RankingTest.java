package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.task.MetricName;

class RankingTest {
  @Test
  void constantScorerKeepsCandidateOrder() {
    assertThat(Ranking.order(new double[] {0.5, 0.5, 0.5, 0.5})).containsExactly(0, 1, 2, 3);
    assertThat(Ranking.rankOf(new double[] {0.5, 0.5, 0.5}, 0)).isEqualTo(1);
    assertThat(Ranking.rankOf(new double[] {0.5, 0.5, 0.5}, 2)).isEqualTo(3);
  }

  @Test
  void firstMaximumWinsAsNumpyArgmax() {
    // np.argmax([0.2, 0.9, 0.9, 0.1]) == 1
    assertThat(Ranking.order(new double[] {0.2, 0.9, 0.9, 0.1})).containsExactly(1, 2, 0, 3);
  }

  @Test
  void topKHeapAgreesWithTheFullSortUnderHeavyTies() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      double[] scores = new double[random.nextInt(40)];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = random.nextInt(4) / 4.0;
      }
      TopK heap = new TopK(MetricName.MAX_K);
      for (int i = 0; i < scores.length; i++) {
        heap.offer(scores[i], i);
      }
      int[] full = Ranking.order(scores);
      assertThat(heap.ranked())
          .containsExactly(Arrays.copyOf(full, Math.min(MetricName.MAX_K, scores.length)));
    }
  }

  @Test
  void globalRankerAgreesWithLocalRankingOfTheWholeSet() {
    Random random = new Random(11);
    int dims = 5;
    List<float[]> candidates = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int j = 0; j < 700; j++) {
      candidates.add(quantized(random, dims));
      keys.add("c" + j);
    }
    List<float[]> queries = new ArrayList<>();
    List<Map<String, Double>> relevance = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      queries.add(quantized(random, dims));
      Map<String, Double> grades = new HashMap<>();
      IntStream.range(0, i % 4).forEach(g -> grades.put("c" + random.nextInt(700), 1.0 + g));
      if (i % 7 == 0) {
        grades.put("not-a-candidate", 1.0);
      }
      relevance.add(grades);
    }
    for (Similarity similarity : Similarity.values()) {
      List<QueryRanking> global =
          new GlobalRanker(similarity, 64)
              .rank(source(queries), source(candidates), keys, relevance);
      LocalRanker local = new LocalRanker(similarity);
      for (int i = 0; i < queries.size(); i++) {
        assertThat(global.get(i))
            .as("query %d, %s", i, similarity)
            .isEqualTo(local.rank(queries.get(i), candidates, keys, relevance.get(i)));
      }
    }
  }

  /** Small integer components: many exactly tied similarities. */
  private static float[] quantized(Random random, int dims) {
    float[] v = new float[dims];
    for (int d = 0; d < dims; d++) {
      v[d] = random.nextInt(3) - 1;
    }
    return v;
  }

  private static VectorSource source(List<float[]> vectors) {
    return new VectorSource() {
      @Override
      public int size() {
        return vectors.size();
      }

      @Override
      public float[] vector(int index) {
        return vectors.get(index);
      }
    };
  }
}
