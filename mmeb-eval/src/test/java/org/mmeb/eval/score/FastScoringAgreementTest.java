package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The fast rankers (float kernel + proven error bound + exact re-scoring) against the exact rankers
 * they replaced (every pair scored in double, one full sort by {@link Ranking#order}): the same top
 * lists and first-positive ranks, hence the same value of every metric, on random data and on data
 * built to defeat a float kernel (exact ties, duplicates, zero vectors, candidates one ulp apart,
 * magnitudes that underflow or overflow in float).
 */
class FastScoringAgreementTest {
  private static final int[] DIMS = {1, 3, 17, 64, 257};

  @Test
  void randomVectors() {
    forEveryCase("random", (random, dims) -> gaussian(random, dims, 1.0));
  }

  @Test
  void exactTiesFromSmallIntegerComponents() {
    forEveryCase(
        "ties",
        (random, dims) -> {
          float[] v = new float[dims];
          for (int d = 0; d < dims; d++) {
            v[d] = random.nextInt(3) - 1;
          }
          return v;
        });
  }

  @Test
  void nearTiesOneUlpApart() {
    SplittableRandom seeds = new SplittableRandom(5);
    for (int dims : DIMS) {
      float[] base = gaussian(seeds, dims, 1.0);
      forEveryCase(
          "ulp",
          new int[] {dims},
          (random, d) -> {
            float[] v = base.clone();
            int at = random.nextInt(d);
            for (int step = random.nextInt(4); step > 0; step--) {
              v[at] = random.nextBoolean() ? Math.nextUp(v[at]) : Math.nextDown(v[at]);
            }
            if (random.nextInt(5) == 0) {
              for (int k = 0; k < d; k++) {
                v[k] *= 1 + 0x1p-23f;
              }
            }
            return v;
          });
    }
  }

  @Test
  void duplicatesAndZeroVectors() {
    forEveryCase(
        "zeros",
        (random, dims) -> {
          float[] zeroOrDuplicate = new float[dims];
          if (random.nextInt(3) > 0) {
            java.util.Arrays.fill(zeroOrDuplicate, new float[] {1f, 2f, -1f}[random.nextInt(3)]);
          }
          return zeroOrDuplicate;
        });
  }

  @Test
  void magnitudesThatUnderflowOrOverflowInFloat() {
    forEveryCase(
        "magnitudes",
        (random, dims) -> {
          double[] scales = {1e-30, 1e-22, 1e-3, 1e18, 1e21};
          return gaussian(random, dims, scales[random.nextInt(scales.length)]);
        });
  }

  @Test
  void localTasksWhoseRowsShareOrSplitTheirCandidates() {
    SplittableRandom random = new SplittableRandom(13);
    float[] base = gaussian(random, 40, 1.0);
    List<float[]> pool = new ArrayList<>();
    for (int j = 0; j < 60; j++) {
      // near-duplicates of one vector and exact duplicates: the top lists need exact scores
      float[] v = j % 3 == 0 ? gaussian(random, 40, 1.0) : base.clone();
      v[random.nextInt(40)] += j % 2 == 0 ? 0 : Math.ulp(1f) * random.nextInt(3);
      pool.add(v);
    }
    EmbeddingLookup lookup = key -> pool.get(Integer.parseInt(key.substring(1)));
    for (int perRow : new int[] {60, 50, 8}) { // all rows alike (dense) ... few shared (per row)
      List<float[]> queries = vectors(30, () -> gaussian(random, 40, 1.0));
      queries.set(0, base.clone());
      List<List<String>> rowKeys = new ArrayList<>();
      List<Map<String, Double>> relevance = new ArrayList<>();
      for (int i = 0; i < queries.size(); i++) {
        List<String> row = new ArrayList<>();
        for (int j = 0; j < perRow; j++) {
          row.add("c" + random.nextInt(pool.size()));
        }
        rowKeys.add(row);
        relevance.add(Map.of(row.get(0), 1.0));
      }
      for (Similarity similarity : Similarity.values()) {
        for (FloatDots dots : List.of(FloatDots.best(), FloatDots.scalar())) {
          List<QueryRanking> ranked =
              new LocalTaskRanker(similarity, dots).rank(queries, rowKeys, lookup, relevance);
          for (int i = 0; i < queries.size(); i++) {
            List<float[]> vectors = rowKeys.get(i).stream().map(lookup::get).toList();
            assertThat(ranked.get(i))
                .as("%s %s %d per row, row %d", similarity, dots.name(), perRow, i)
                .isEqualTo(
                    exactRanking(
                        similarity, queries.get(i), vectors, rowKeys.get(i), relevance.get(i)));
          }
        }
      }
    }
  }

  @Test
  void theBoundHoldsForEveryPair() {
    SplittableRandom random = new SplittableRandom(9);
    for (FloatDots dots : List.of(FloatDots.best(), FloatDots.scalar())) {
      for (Similarity similarity : Similarity.values()) {
        for (int trial = 0; trial < 300; trial++) {
          int dims = 1 + random.nextInt(600);
          double scale = Math.pow(10, random.nextInt(-20, 20));
          float[] q = gaussian(random, dims, scale);
          float[] c = random.nextBoolean() ? q.clone() : gaussian(random, dims, scale);
          WeightedVectors qs = WeightedVectors.of(new float[][] {q}, similarity);
          WeightedVectors cs = WeightedVectors.of(new float[][] {c}, similarity);
          float[] dot = new float[1];
          if (random.nextBoolean()) {
            dots.block(qs.vectors(), 0, 1, dots.pack(cs.vectors(), 0, 1), dot, 1);
          } else {
            dots.row(q, cs.vectors(), dot);
          }
          double fast = dot[0] * qs.weight(0) * cs.weight(0);
          double exact = similarity.score(q, qs.weight(0), c, cs.weight(0));
          double bound =
              new ScoreErrorBound(dots, dims)
                  .of(qs.scale(0), qs.weight(0), cs.maxScale(), cs.maxWeight());
          if (Double.isFinite(fast)) {
            assertThat(Math.abs(fast - exact))
                .as("%s %s dims %d scale %g", dots.name(), similarity, dims, scale)
                .isLessThanOrEqualTo(bound);
          }
        }
      }
    }
  }

  /**
   * The packed kernel's edges: query counts around its groups of fourteen and six rows (a group of
   * each, of both, leftovers of one and of both), candidate counts around its panels of two
   * vectors, dimensions around its lane count and its depth slices (several slices summed into the
   * output), on candidates a few ulps from one vector and each other.
   */
  @Test
  void packedKernelOnNearTiesAndRaggedShapes() {
    SplittableRandom random = new SplittableRandom(21);
    for (int dims : new int[] {15, 16, 33, 255, 256, 257, 600}) {
      float[] base = gaussian(random, dims, 1.0);
      for (int queryCount : new int[] {1, 5, 7, 13, 14, 15, 20, 21, 27, 29, 48}) {
        for (int candidateCount : new int[] {1, 31, 33, 70}) {
          List<float[]> queries = vectors(queryCount, () -> nearCopy(random, base));
          for (int i = 0; i < queryCount; i += 3) {
            queries.set(i, gaussian(random, dims, 1.0)); // rows the kernel must not mix up
          }
          List<float[]> candidates = vectors(candidateCount, () -> nearCopy(random, base));
          List<String> keys = keys(candidateCount);
          List<Map<String, Double>> relevance = relevance(queryCount, candidateCount, random);
          String shape = queryCount + " x " + candidateCount + " x " + dims;
          for (Similarity similarity : Similarity.values()) {
            assertThat(
                    new GlobalRanker(similarity, 64, FloatDots.best())
                        .rank(source(queries), source(candidates), keys, relevance))
                .as("%s %s", similarity, shape)
                .isEqualTo(exactRankings(similarity, queries, candidates, keys, relevance));
            assertBlockWithinBound(similarity, queries, candidates, shape);
          }
        }
      }
    }
  }

  private static float[] nearCopy(SplittableRandom random, float[] base) {
    float[] v = base.clone();
    for (int step = random.nextInt(4); step > 0; step--) {
      int at = random.nextInt(v.length);
      v[at] = random.nextBoolean() ? Math.nextUp(v[at]) : Math.nextDown(v[at]);
    }
    return v;
  }

  private static List<QueryRanking> exactRankings(
      Similarity similarity,
      List<float[]> queries,
      List<float[]> candidates,
      List<String> keys,
      List<Map<String, Double>> relevance) {
    List<QueryRanking> rankings = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      rankings.add(exactRanking(similarity, queries.get(i), candidates, keys, relevance.get(i)));
    }
    return rankings;
  }

  private static void assertBlockWithinBound(
      Similarity similarity, List<float[]> queries, List<float[]> candidates, String shape) {
    FloatDots dots = FloatDots.best();
    WeightedVectors qs = WeightedVectors.of(queries.toArray(new float[0][]), similarity);
    WeightedVectors cs = WeightedVectors.of(candidates.toArray(new float[0][]), similarity);
    int width = cs.size();
    float[] dot = new float[qs.size() * width];
    dots.block(qs.vectors(), 0, qs.size(), dots.pack(cs.vectors(), 0, width), dot, width);
    ScoreErrorBound bound = new ScoreErrorBound(dots, qs.vector(0).length);
    for (int i = 0; i < qs.size(); i++) {
      double e = bound.of(qs.scale(i), qs.weight(i), cs.maxScale(), cs.maxWeight());
      for (int j = 0; j < width; j++) {
        double fast = dot[i * width + j] * qs.weight(i) * cs.weight(j);
        double exact = similarity.score(qs.vector(i), qs.weight(i), cs.vector(j), cs.weight(j));
        assertThat(Math.abs(fast - exact))
            .as("%s %s pair %d,%d", similarity, shape, i, j)
            .isLessThanOrEqualTo(e);
      }
    }
  }

  @Test
  void mostPairsAreDecidedWithoutAnExactScore() {
    SplittableRandom random = new SplittableRandom(3);
    List<float[]> queries = vectors(200, () -> gaussian(random, 96, 1.0));
    List<float[]> candidates = vectors(3000, () -> gaussian(random, 96, 1.0));
    GlobalRanker ranker = new GlobalRanker(Similarity.COSINE, 512);
    ranker.rank(source(queries), source(candidates), keys(3000), relevance(200, 3000, random));
    assertThat(ranker.exactScores()).isLessThan(200L * 3000 / 20);
  }

  interface VectorMaker {
    float[] make(SplittableRandom random, int dims);
  }

  private static void forEveryCase(String name, VectorMaker maker) {
    forEveryCase(name, DIMS, maker);
  }

  private static void forEveryCase(String name, int[] dimsList, VectorMaker maker) {
    SplittableRandom random = new SplittableRandom(name.hashCode());
    for (int dims : dimsList) {
      List<float[]> queries = vectors(24, () -> maker.make(random, dims));
      List<float[]> candidates = vectors(90, () -> maker.make(random, dims));
      List<String> keys = keys(candidates.size());
      List<Map<String, Double>> relevance = relevance(queries.size(), candidates.size(), random);
      for (Similarity similarity : Similarity.values()) {
        List<QueryRanking> expected = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
          expected.add(
              exactRanking(similarity, queries.get(i), candidates, keys, relevance.get(i)));
        }
        for (FloatDots dots : List.of(FloatDots.best(), FloatDots.scalar())) {
          String what = name + " " + similarity + " " + dots.name() + " dims " + dims;
          for (int block : new int[] {1, 7, 64, 512}) {
            assertThat(
                    new GlobalRanker(similarity, block, dots)
                        .rank(source(queries), source(candidates), keys, relevance))
                .as(what + " global block " + block)
                .isEqualTo(expected);
          }
          LocalRanker local = new LocalRanker(similarity, dots);
          for (int i = 0; i < queries.size(); i++) {
            // local lists repeat candidates (same key, same vector), as V1 rows may
            List<float[]> list = new ArrayList<>(candidates);
            List<String> listKeys = new ArrayList<>(keys);
            list.add(candidates.get(i));
            listKeys.add(keys.get(i));
            assertThat(local.rank(queries.get(i), list, listKeys, relevance.get(i)))
                .as(what + " local query " + i)
                .isEqualTo(
                    exactRanking(similarity, queries.get(i), list, listKeys, relevance.get(i)));
          }
        }
      }
    }
  }

  /** The ranker this harness had before the fast kernel: every pair in double, a full sort. */
  private static QueryRanking exactRanking(
      Similarity similarity,
      float[] query,
      List<float[]> candidates,
      List<String> keys,
      Map<String, Double> relevance) {
    return ExhaustiveRanking.of(similarity, query, candidates, keys, relevance);
  }

  private static List<Map<String, Double>> relevance(
      int queries, int candidates, SplittableRandom random) {
    List<Map<String, Double>> relevance = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      Map<String, Double> grades = new HashMap<>();
      for (int g = i % 4; g > 0; g--) {
        grades.put("c" + random.nextInt(candidates), (double) g);
      }
      if (i % 5 == 0) {
        grades.put("not-a-candidate", 1.0);
      }
      relevance.add(grades);
    }
    return relevance;
  }

  private static List<String> keys(int n) {
    List<String> keys = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      keys.add("c" + j);
    }
    return keys;
  }

  private static List<float[]> vectors(int n, Supplier<float[]> maker) {
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      vectors.add(maker.get());
    }
    return vectors;
  }

  private static float[] gaussian(SplittableRandom random, int dims, double scale) {
    float[] v = new float[dims];
    for (int d = 0; d < dims; d++) {
      double u = random.nextDouble(1e-12, 1);
      double w = random.nextDouble();
      v[d] = (float) (scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w));
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
