package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.Json;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.data.TaskReaders;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.encode.Encoder;
import org.mmeb.eval.encode.onnx.OnnxEncoders;
import org.mmeb.eval.result.DatasetResult;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordFile;
import org.mmeb.eval.task.TaskRegistry;

/**
 * {@code run} with the V1 baselines' options, on the tiny dual model without normalisation (as
 * VLM2Vec's V1 baseline scripts run their encoders): {@code --similarity dot|cosine}, whose
 * expected ranks come from a brute-force ranking in this test over the model's vectors, not from
 * the harness's scorer; and a batch-dependent spec, whose cached vectors are kept per batch size.
 */
class RunBaselineOptionsTest {
  static final Path TINY = Path.of("mmeb-eval/src/test/resources/encode/tiny");
  static final String TASK = "MiniShapes";
  @TempDir static Path data;
  @TempDir static Path model;
  @TempDir Path work;

  @BeforeAll
  static void prepare() throws Exception {
    SyntheticBenchmark.write(data, 3);
    for (String file : new String[] {"text.onnx", "vision.onnx", "tokenizer.json"}) {
      Files.copy(TINY.resolve(file), model.resolve(file));
    }
    ObjectNode spec = (ObjectNode) Json.PLAIN.readTree(TINY.resolve("dual.json").toFile());
    spec.put("name", "tiny-raw").put("normalize", false);
    Json.PLAIN.writeValue(model.resolve("spec.json").toFile(), spec);
    spec.put("name", "tiny-batch").put("empty_text", "fuse_if_batch_has_text");
    Json.PLAIN.writeValue(model.resolve("batch-dependent.json").toFile(), spec);
  }

  @Test
  void dotAndCosineRankAsABruteForceRankingOfTheModelsVectorsAndAreRecorded() throws Exception {
    Map<String, int[]> expected = expectedRanks();
    Map<String, int[]> actual = new HashMap<>();
    for (String similarity : new String[] {"dot", "cosine"}) {
      CliRun run =
          MiniRun.of(model.resolve("spec.json"), data, work)
              .tasks(TASK)
              .set("--similarity", similarity)
              .set("--out", work.resolve(similarity))
              .run();
      assertThat(run.exitCode()).as(run.err()).isZero();
      RunRecord record =
          RunRecordFile.read(
              ResultsLayout.runFile(work.resolve(similarity), "tiny-raw", "mmeb-mini"));
      assertThat(record.model().similarity()).isEqualTo(similarity);
      DatasetResult result = record.datasets().get(0);
      actual.put(similarity, result.outcomes().firstPositiveRank());
    }
    assertThat(actual.get("dot")).containsExactly(expected.get("dot"));
    assertThat(actual.get("cosine")).containsExactly(expected.get("cosine"));
    assertThat(expected.get("dot"))
        .as("the two similarities rank differently here")
        .isNotEqualTo(expected.get("cosine"));
  }

  @Test
  void aBatchDependentSpecReusesCachedVectorsOnlyAtTheSameBatchSize() {
    for (String spec : new String[] {"spec.json", "batch-dependent.json"}) {
      RunRecord first = runTask(spec, "8");
      assertThat(first.counts().encoded()).isPositive();
      RunRecord same = runTask(spec, "8");
      assertThat(same.counts().cacheHits()).isEqualTo(first.counts().uniqueItems());
      RunRecord other = runTask(spec, "5");
      if (spec.equals("spec.json")) {
        assertThat(other.counts().cacheHits()).isEqualTo(first.counts().uniqueItems());
      } else {
        assertThat(other.counts().cacheHits()).isZero();
        assertThat(other.counts().encoded()).isEqualTo(first.counts().uniqueItems());
      }
    }
  }

  private RunRecord runTask(String spec, String batchSize) {
    CliRun run =
        MiniRun.of(model.resolve(spec), data, work)
            .tasks(TASK)
            .set("--batch-size", batchSize)
            .run();
    assertThat(run.exitCode()).as(run.err()).isZero();
    String name = spec.equals("spec.json") ? "tiny-raw" : "tiny-batch";
    return RunRecordFile.read(ResultsLayout.runFile(work.resolve("results"), name, "mmeb-mini"));
  }

  @Test
  void anUnknownSimilarityIsExitCode2() {
    CliRun run =
        CliRun.of(
            "run",
            "--model",
            model.resolve("spec.json").toString(),
            "--benchmark",
            "mmeb-mini",
            "--data",
            data.toString(),
            "--similarity",
            "euclid");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--similarity").contains("euclid");
  }

  /** Rank of the first positive per row: 1 + candidates scoring higher or tied and listed first. */
  private static Map<String, int[]> expectedRanks() throws Exception {
    TaskData task =
        TaskReaders.read(
            TaskRegistry.readTaskFile(Path.of("tasks/mmeb-mini/" + TASK + ".json")), data);
    Map<String, Item> unique = new LinkedHashMap<>();
    for (QueryRow row : task.rows()) {
      unique.putIfAbsent(row.query().key(), row.query());
      row.candidates().forEach(c -> unique.putIfAbsent(c.key(), c));
    }
    List<Item> items = new ArrayList<>(unique.values());
    Map<String, float[]> vectors = new HashMap<>();
    try (Encoder encoder = OnnxEncoders.open(model.resolve("spec.json"), "cpu");
        var images = task.images()) {
      float[][] out = encoder.encode(items, images);
      for (int i = 0; i < items.size(); i++) {
        vectors.put(items.get(i).key(), out[i]);
      }
    }
    Map<String, int[]> ranks = new HashMap<>();
    for (boolean cosine : new boolean[] {false, true}) {
      int[] rank = new int[task.rows().size()];
      for (int r = 0; r < rank.length; r++) {
        QueryRow row = task.rows().get(r);
        float[] q = vectors.get(row.query().key());
        double[] s = new double[row.candidates().size()];
        int best = -1;
        for (int c = 0; c < s.length; c++) {
          float[] v = vectors.get(row.candidates().get(c).key());
          s[c] = cosine ? dot(q, v) / Math.sqrt(dot(q, q) * dot(v, v)) : dot(q, v);
          if (row.relevance().containsKey(row.candidates().get(c).key())
              && (best < 0 || s[c] > s[best])) {
            best = c;
          }
        }
        rank[r] = 1;
        for (int c = 0; c < s.length; c++) {
          rank[r] += s[c] > s[best] || (s[c] == s[best] && c < best) ? 1 : 0;
        }
      }
      ranks.put(cosine ? "cosine" : "dot", rank);
    }
    return ranks;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }
}
