package org.mmeb.eval.score.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.mmeb.eval.score.GlobalRanker;
import org.mmeb.eval.score.QueryRanking;
import org.mmeb.eval.score.Similarity;
import org.mmeb.eval.score.VectorSource;

/**
 * Times the blocked global ranker (not a test; README "Scoring speed"). Vectors are random
 * Gaussian; each query has one positive. Arguments: queries candidates dims [blockSize].
 *
 * <pre>
 * java -Xmx4g --add-modules jdk.incubator.vector -cp mmeb-eval/target/classes:mmeb-eval/target/test-classes:$(cat mmeb-eval/target/runtime-classpath.txt) \
 *   org.mmeb.eval.score.bench.GlobalRankerBenchmark 2000 20000 4096
 * </pre>
 */
public final class GlobalRankerBenchmark {
  private GlobalRankerBenchmark() {}

  public static void main(String[] args) {
    int queries = Integer.parseInt(args[0]);
    int candidates = Integer.parseInt(args[1]);
    int dims = Integer.parseInt(args[2]);
    int block = args.length > 3 ? Integer.parseInt(args[3]) : 512;
    float[][] q = random(queries, dims, 1);
    float[][] c = random(candidates, dims, 2);
    List<String> keys = new ArrayList<>(candidates);
    for (int j = 0; j < candidates; j++) {
      keys.add("c" + j);
    }
    List<Map<String, Double>> relevance = new ArrayList<>(queries);
    for (int i = 0; i < queries; i++) {
      relevance.add(Map.of("c" + (i % candidates), 1.0));
    }
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    List<QueryRanking> rankings =
        new GlobalRanker(Similarity.COSINE, block).rank(source(q), source(c), keys, relevance);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    long after = rt.totalMemory() - rt.freeMemory();
    double pairs = (double) queries * candidates;
    System.out.printf(
        Locale.ROOT,
        "%d queries x %d candidates x %d dims, block %d, %d cpus: wall %.1f s (%.2f GFLOP/s),"
            + " process CPU %.1f s (%.2f GFLOP per CPU-second); heap in use %d MB before"
            + " (vectors), %d MB after; first rank %d%n",
        queries,
        candidates,
        dims,
        block,
        Runtime.getRuntime().availableProcessors(),
        seconds,
        2 * pairs * dims / seconds / 1e9,
        cpuSeconds,
        2 * pairs * dims / cpuSeconds / 1e9,
        before >> 20,
        after >> 20,
        rankings.get(0).firstPositiveRank());
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static float[][] random(int n, int dims, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] m = new float[n][dims];
    for (float[] row : m) {
      for (int d = 0; d < dims; d++) {
        row[d] = (float) (random.nextDouble() * 2 - 1);
      }
    }
    return m;
  }

  private static VectorSource source(float[][] m) {
    return new VectorSource() {
      @Override
      public int size() {
        return m.length;
      }

      @Override
      public float[] vector(int index) {
        return m[index];
      }
    };
  }
}
