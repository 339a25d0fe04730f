package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.reason.LoopbackReasoner;
import org.mmeb.eval.result.Reasoning;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordFile;

/**
 * Runs with reasoning traces, end to end: from a JSONL file and from a reasoner endpoint (a
 * loopback test double), recorded in run.json under "embedder + reasoner"; cached traces are not
 * asked again; a failing reasoner stops the run with one line.
 */
class TraceRunTest {
  private static final String TASKS = "MiniShapes,MiniCaptions_t2i";
  @TempDir static Path data;
  @TempDir Path work;

  @BeforeAll
  static void synthesize() throws Exception {
    SyntheticBenchmark.write(data, 0);
  }

  private CliRun run(String... extra) {
    return MiniRun.of(RunCommandTest.MODEL, data, work).tasks(TASKS).plus(extra).run();
  }

  private RunRecord record(String model) {
    return RunRecordFile.read(ResultsLayout.runFile(work.resolve("results"), model, "mmeb-mini"));
  }

  @Test
  void tracesFromAFileGoIntoTheQueriesAndTheRecord() throws Exception {
    CliRun plain = run();
    assertThat(plain.exitCode()).as(plain.err()).isZero();
    Path traces = work.resolve("traces.jsonl");
    List<String> lines = new ArrayList<>();
    for (int row = 0; row < 60; row++) {
      lines.add(
          "{\"task\": \"MiniShapes\", \"row\": "
              + row
              + ", \"trace\": \"<think>oracle</think> a shape\", \"reasoner\": \"hand-written\"}");
    }
    Files.write(traces, lines);

    CliRun traced = run("--traces", traces.toString());
    assertThat(traced.exitCode()).as(traced.err()).isZero();
    assertThat(traced.err()).contains("MiniShapes: traces for 60/120 queries");
    RunRecord record = record("tiny-dual + hand-written");
    Reasoning reasoning = record.reasoning();
    assertThat(reasoning.source()).isEqualTo("file");
    assertThat(reasoning.reasoner()).isEqualTo("hand-written");
    assertThat(reasoning.template()).isEqualTo("{query}\n{trace}");
    assertThat(reasoning.tasks().get("MiniShapes").withTrace()).isEqualTo(60);
    assertThat(reasoning.tasks().get("MiniShapes").queries()).isEqualTo(120);
    assertThat(reasoning.tasks().get("MiniCaptions_t2i").withTrace()).isZero();
    var shapes = record.datasets().get(0);
    assertThat(shapes.counts().encoded())
        .as("the traced queries are new items; nothing else is encoded again")
        .isEqualTo(60);
    assertThat(record.datasets().get(1).counts().encoded()).isZero();
    assertThat(record("tiny-dual").reasoning()).isNull();

    Path results = work.resolve("results");
    CliRun compare =
        CliRun.of(
            "compare",
            ResultsLayout.runFile(results, "tiny-dual", "mmeb-mini").toString(),
            ResultsLayout.runFile(results, "tiny-dual + hand-written", "mmeb-mini").toString());
    assertThat(compare.exitCode()).as(compare.err()).isZero();
    assertThat(compare.out())
        .contains(
            "reasoning: the candidate embeds queries with traces from hand-written (60 of 240"
                + " queries have one)")
        .contains("  reasoning helped (p < 0.05): ")
        .contains("  reasoning hurt (p < 0.05): ")
        .contains("  no significant change: ");
  }

  @Test
  void aLoopbackReasonerWritesTracesOnceAndTheRunRecordsIt() throws Exception {
    try (LoopbackReasoner reasoner = new LoopbackReasoner()) {
      String[] options = {
        "--reasoner",
        reasoner.url().toString(),
        "--reasoner-model",
        "double",
        "--reasoner-seed",
        "7"
      };
      CliRun first = run(options);
      assertThat(first.exitCode()).as(first.err()).isZero();
      List<JsonNode> requests = reasoner.requests();
      JsonNode request = requests.get(0);
      assertThat(request.get("temperature").asInt()).isZero();
      assertThat(request.get("seed").asLong()).isEqualTo(7);
      assertThat(request.get("max_tokens").asInt()).isEqualTo(1024);
      assertThat(
              requests.stream()
                  .filter(
                      r ->
                          r.at("/messages/0/content/0/image_url/url")
                              .asText()
                              .startsWith("data:image/png;base64,"))
                  .count())
          .as("MiniShapes queries carry their image")
          .isEqualTo(120);

      RunRecord record = record("tiny-dual + double");
      Reasoning reasoning = record.reasoning();
      assertThat(reasoning.source()).isEqualTo("endpoint");
      assertThat(reasoning.model()).isEqualTo("double");
      assertThat(reasoning.decoding().get("seed").asLong()).isEqualTo(7);
      assertThat(reasoning.promptHashes()).containsKeys("CLS.txt", "RET.txt");
      Reasoning.TaskTraces shapes = reasoning.tasks().get("MiniShapes");
      assertThat(shapes.withTrace()).isEqualTo(120);
      assertThat(shapes.requested()).isEqualTo(120);
      assertThat(shapes.completionTokens()).isPositive();
      Reasoning.TaskTraces t2i = reasoning.tasks().get("MiniCaptions_t2i");
      assertThat(t2i.withTrace()).isEqualTo(120);
      assertThat(requests)
          .as("one request per distinct query")
          .hasSize(shapes.requested() + t2i.requested());

      CliRun again = run(options);
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(reasoner.requests())
          .as("every trace came from the cache")
          .hasSize(requests.size());
      Reasoning second = record("tiny-dual + double").reasoning();
      assertThat(second.tasks().get("MiniShapes").requested()).isZero();
      assertThat(second.tasks().get("MiniShapes").withTrace()).isEqualTo(120);
      assertThat(record("tiny-dual + double").datasets().get(0).counts().encoded()).isZero();
    }
  }

  @Test
  void aReasonerThatKeepsFailingStopsTheRunWithOneLine() throws Exception {
    try (LoopbackReasoner reasoner = new LoopbackReasoner()) {
      reasoner.failEverything();
      CliRun failed =
          run(
              "--reasoner",
              reasoner.url().toString(),
              "--reasoner-model",
              "double",
              "--reasoner-retries",
              "1");
      assertThat(failed.exitCode()).isEqualTo(4);
      List<String> errors =
          Stream.of(failed.err().split("\n")).filter(l -> l.startsWith("error:")).toList();
      assertThat(errors).hasSize(1);
      assertThat(errors.get(0))
          .contains("reasoner double at " + reasoner.url())
          .contains("keeps failing")
          .contains("gave up after 2 attempts: HTTP 503");
      assertThat(failed.err()).doesNotContain("Exception");
    }
  }
}
