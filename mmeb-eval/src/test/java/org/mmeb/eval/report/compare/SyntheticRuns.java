package org.mmeb.eval.report.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunCounts;
import org.mmeb.eval.result.RunRecordBuilder;
import org.mmeb.eval.result.StageTimings;
import org.mmeb.eval.score.TaskScorer;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/**
 * Runs made through the scorer's own API, with real rankings and per-query outcomes: each query is
 * its positive candidate's vector plus Gaussian noise, so more noise means fewer hits. The
 * candidate vectors depend only on the dataset, so two runs differ only by their queries.
 */
public final class SyntheticRuns {
  static final List<String> DATASETS = List.of("ImageNet-1K", "OK-VQA", "MSCOCO_t2i");
  private static final int QUERIES = 1000;
  private static final int CANDIDATES = 10;
  private static final int DIM = 32;

  private SyntheticRuns() {}

  /**
   * Writes {@code results/<model>/mmeb-v1/run.json} scoring {@link #DATASETS}; {@code noise} maps a
   * dataset to its query noise (default 2.5), {@code seed} draws the noise.
   */
  public static Path write(Path results, String model, Map<String, Double> noise, long seed)
      throws IOException {
    TaskRegistry registry = TaskRegistry.load(Path.of("tasks"), List.of());
    RunRecordBuilder run = new RunRecordBuilder("mmeb-v1", registry.benchmark("mmeb-v1"));
    run.model(model, "synthetic-" + seed, null, "cosine").device("cpu");
    for (String name : DATASETS) {
      TaskSpec spec = registry.find("mmeb-v1", name).orElseThrow().spec();
      Map<String, float[]> vectors = new HashMap<>();
      TaskData data = data(spec, vectors, noise.getOrDefault(name, 2.5), seed);
      run.dataset(
          spec, TaskScorer.score(data.ranking(), vectors::get), StageTimings.NONE, RunCounts.NONE);
    }
    return ResultsLayout.write(results, run.build());
  }

  private static TaskData data(
      TaskSpec spec, Map<String, float[]> vectors, double noise, long seed) {
    SplittableRandom candidates = new SplittableRandom(spec.name().hashCode());
    SplittableRandom queries = new SplittableRandom(seed * 31 + spec.name().hashCode());
    List<QueryRow> rows = new ArrayList<>();
    for (int r = 0; r < QUERIES; r++) {
      List<Item> items = new ArrayList<>();
      for (int c = 0; c < CANDIDATES; c++) {
        String key = "c" + r + "_" + c;
        vectors.put(key, gaussian(candidates, 0, null));
        items.add(Item.textOnly(key, key));
      }
      String query = "q" + r;
      vectors.put(query, gaussian(queries, noise, vectors.get(items.get(0).key())));
      rows.add(
          new QueryRow(r, Item.textOnly(query, query), items, Map.of(items.get(0).key(), 1.0)));
    }
    return new TaskData(spec, rows, List.of(), null);
  }

  /** {@code base + noise * N(0, I)}, or N(0, I) when there is no base. */
  private static float[] gaussian(SplittableRandom random, double noise, float[] base) {
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      double z = normal(random);
      v[i] = (float) (base == null ? z : base[i] + noise * z);
    }
    return v;
  }

  private static double normal(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double w = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
  }
}
