package org.mmeb.eval.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.pipeline.TaskEncodingTest.CountingEncoder;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.score.Similarity;
import org.mmeb.eval.task.TaskRegistry;

/**
 * The job with an encoder source on {@code data synth} output: provenance hashes the files the
 * readers read, and a query transform (as reasoning traces will be) is encoded under its own keys,
 * never answered from the cache of the plain queries.
 */
class RunJobTest {
  @TempDir static Path data;
  @TempDir Path work;
  private static final TaskRegistry REGISTRY = TaskRegistry.load(Path.of("tasks"), List.of());

  @BeforeAll
  static void synthesize() throws Exception {
    SyntheticBenchmark.write(data, 3);
  }

  private RunJob.Outcome run(CountingEncoder encoder, QueryTransform queries, String... tasks)
      throws Exception {
    PrintWriter log = new PrintWriter(new StringWriter());
    TaskEncoding.Settings encoding = new TaskEncoding.Settings(work.resolve("cache"), 8, 1, false);
    RunJob.Settings settings =
        RunJob.Settings.of("mmeb-mini", data, List.of(tasks), work.resolve("results"))
            .withQueries(queries);
    try (EncoderSource source =
        new EncoderSource(encoder, "counting", null, Similarity.COSINE, encoding, log)) {
      return new RunJob(settings, log).run(REGISTRY, source);
    }
  }

  @Test
  void provenanceHashesEveryBeirPartAndTheImageArchive() throws Exception {
    RunRecord record =
        run(new CountingEncoder(), QueryTransform.NONE, "MiniDocs", "MiniShapes").record();

    assertThat(record.provenance().dataFiles().keySet())
        .anyMatch(f -> f.startsWith("MiniDocs/queries/"))
        .anyMatch(f -> f.startsWith("MiniDocs/corpus/"))
        .anyMatch(f -> f.startsWith("MiniDocs/qrels/"))
        .contains("MiniShapes/test-00000-of-00001.parquet", "images.zip");
  }

  @Test
  void aTransformedQueryIsEncodedUnderItsOwnKey() throws Exception {
    CountingEncoder plain = new CountingEncoder();
    RunRecord first = run(plain, QueryTransform.NONE, "MiniDocs").record();
    QueryTransform trace =
        (task, row) ->
            new Item(
                row.query().key() + "|trace",
                row.query().text() + " Reasoning: a page.",
                row.query().images());

    CountingEncoder traced = new CountingEncoder();
    RunRecord second = run(traced, trace, "MiniDocs").record();

    assertThat(traced.encodedKeys).isNotEmpty().allMatch(k -> k.endsWith("|trace"));
    assertThat(second.counts().cacheHits())
        .isEqualTo(second.counts().uniqueItems() - traced.encodedKeys.size())
        .isEqualTo(first.counts().uniqueItems() - traced.encodedKeys.size());
  }

  @Test
  void aTransformChangingTheTextButNotTheKeyIsRefused() {
    QueryTransform sloppy =
        (task, row) -> new Item(row.query().key(), row.query().text() + " more", List.of());

    assertThatThrownBy(() -> run(new CountingEncoder(), sloppy, "MiniDocs"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MiniDocs row 0: query text changed, key did not");
  }
}
