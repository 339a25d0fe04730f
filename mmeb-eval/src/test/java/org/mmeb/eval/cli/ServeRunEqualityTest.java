package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.data.TaskReaders;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.encode.Encoder;
import org.mmeb.eval.encode.http.HttpEncoder;
import org.mmeb.eval.encode.onnx.OnnxEncoders;
import org.mmeb.eval.pipeline.UniqueItems;
import org.mmeb.eval.result.DatasetResult;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordFile;
import org.mmeb.eval.serve.EmbeddingServer;
import org.mmeb.eval.task.TaskRegistry;

/**
 * {@code run --server} against our own {@code serve} equals {@code run --model} on the same spec
 * bit for bit: every metric, every query's outcome, every vector (demo model, three mmeb-mini
 * tasks).
 */
class ServeRunEqualityTest {
  private static final Path DEMO = Path.of("models/demo/spec.json");

  /** Text+image queries ranking texts, texts ranking images, and eight-frame videos. */
  private static final List<String> TASKS =
      List.of("MiniShapeQA", "MiniCaptions_t2i", "MiniMotion");

  @TempDir Path work;

  @Test
  void runAgainstServeEqualsRunWithTheModel() throws Exception {
    Path data = work.resolve("data");
    SyntheticBenchmark.write(data, 0);
    CliRun direct = run(data, "--model", DEMO.toString(), "--batch-size", "16");
    assertThat(direct.exitCode()).as(direct.err()).isZero();
    try (Encoder model = OnnxEncoders.open(DEMO, "cpu");
        EmbeddingServer server = EmbeddingServer.start(model, "demo-served", "127.0.0.1", 0, 8)) {
      CliRun served =
          run(
              data,
              "--server",
              server.baseUrl().toString(),
              "--server-model",
              "demo-served",
              "--batch-size",
              "32");
      assertThat(served.exitCode()).as(served.err()).isZero();
      assertSameVectors(data, model, server);
    }
    RunRecord a = record("mmeb-eval-demo");
    RunRecord b = record("demo-served");
    assertThat(b.datasets()).hasSameSizeAs(a.datasets()).hasSize(TASKS.size());
    for (int i = 0; i < a.datasets().size(); i++) {
      DatasetResult x = a.datasets().get(i);
      DatasetResult y = b.datasets().get(i);
      assertThat(y.task()).isEqualTo(x.task());
      assertThat(y.metrics()).as(x.task()).isEqualTo(x.metrics());
      assertThat(y.outcomes().row()).as(x.task()).isEqualTo(x.outcomes().row());
      assertThat(y.outcomes().firstPositiveRank()).isEqualTo(x.outcomes().firstPositiveRank());
      assertThat(y.outcomes().mainValue()).isEqualTo(x.outcomes().mainValue());
    }
    assertThat(b.summary()).isEqualTo(a.summary());
  }

  private CliRun run(Path data, String... source) {
    return MiniRun.withoutModel(data, work).tasks(String.join(",", TASKS)).plus(source).run();
  }

  private RunRecord record(String model) {
    return RunRecordFile.read(ResultsLayout.runFile(work.resolve("results"), model, "mmeb-mini"));
  }

  /** Every unique item of every task, through HttpEncoder and serve, against the model itself. */
  private static void assertSameVectors(Path data, Encoder model, EmbeddingServer server)
      throws Exception {
    HttpEncoder client =
        new HttpEncoder(
            new HttpEncoder.Settings(
                server.baseUrl(), "demo-served", null, 4, 0, Duration.ofSeconds(60)));
    TaskRegistry registry = TaskRegistry.load(Path.of("tasks"), List.of());
    for (TaskRegistry.LoadedTask task : registry.select("mmeb-mini", TASKS)) {
      TaskData read = TaskReaders.read(task.spec(), data);
      try (var images = read.images()) {
        List<Item> items = UniqueItems.of(read);
        float[][] expected = model.encode(items, images);
        float[][] actual = client.encode(items, images);
        for (int i = 0; i < items.size(); i++) {
          assertThat(actual[i]).as(items.get(i).key()).isEqualTo(expected[i]);
        }
      }
    }
  }
}
