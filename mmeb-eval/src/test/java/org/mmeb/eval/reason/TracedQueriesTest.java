package org.mmeb.eval.reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.ItemKeys;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.data.images.EmbeddedImageStore;
import org.mmeb.eval.result.Reasoning;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

class TracedQueriesTest {
  @TempDir Path dir;

  private static TaskData task() {
    TaskSpec spec = TaskRegistry.readTaskFile(Path.of("tasks/mmeb-mini/MiniShapes.json"));
    Item candidate = Item.textOnly("circle", "a circle");
    List<QueryRow> rows =
        List.of(
            new QueryRow(
                0,
                ItemKeys.byContent("what shape? {trace}", "a.png"),
                List.of(candidate),
                Map.of("circle", 1.0)),
            new QueryRow(
                1,
                ItemKeys.byContent("and this one?", "b.png"),
                List.of(candidate),
                Map.of("circle", 1.0)));
    return new TaskData(spec, rows, List.of(), new EmbeddedImageStore(Map.of(), "none"));
  }

  /** A source with a trace for row 0 only. */
  private static TraceSource firstRowOnly(TaskData data) {
    return new TraceSource() {
      @Override
      public String reasoner() {
        return "fixed";
      }

      @Override
      public Map<String, Trace> traces(TaskData ignored) {
        return Map.of(
            data.rows().get(0).query().key(), new Trace("<think>x</think> {query}", 3, 4, true));
      }

      @Override
      public Reasoning describe(String template, Map<String, Reasoning.TaskTraces> tasks) {
        return new Reasoning("fixed", "file", "-", null, null, Map.of(), template, tasks);
      }
    };
  }

  @Test
  void aTracedQueryIsANewItemAndCandidatesAreUntouched() {
    TaskData data = task();
    StringWriter log = new StringWriter();
    TracedQueries queries =
        new TracedQueries(
            firstRowOnly(data), new TraceTemplate("Q: {query}\nR: {trace}"), new PrintWriter(log));
    TaskData traced = queries.applyTo(data);
    Item first = traced.rows().get(0).query();
    assertThat(first.text()).isEqualTo("Q: what shape? {trace}\nR: <think>x</think> {query}");
    assertThat(first.images()).containsExactly("a.png");
    assertThat(first.key()).isNotEqualTo(data.rows().get(0).query().key());
    assertThat(traced.rows().get(1).query()).isEqualTo(data.rows().get(1).query());
    assertThat(traced.rows().get(0).candidates()).isEqualTo(data.rows().get(0).candidates());
    Reasoning.TaskTraces figures = queries.reasoning().tasks().get("MiniShapes");
    assertThat(figures.withTrace()).isEqualTo(1);
    assertThat(figures.queries()).isEqualTo(2);
    assertThat(figures.promptTokens() + figures.completionTokens()).isEqualTo(7);
    assertThat(log.toString()).startsWith("MiniShapes: traces for 1/2 queries");
  }

  @Test
  void theDefaultTemplateIsTteOrderAndATemplateNeedsBothPlaceholders() {
    assertThat(TraceTemplate.TTE.place("query", "reasoning")).isEqualTo("query\nreasoning");
    assertThatThrownBy(() -> new TraceTemplate("{query} only"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("{trace}");
  }

  @Test
  void aTraceLineCutShortByAKillIsDroppedAndOverwritten() throws Exception {
    Path file = dir.resolve("t.jsonl");
    try (TraceCache cache = TraceCache.open(file)) {
      cache.put("k1", new Trace("one", 1, 2, true));
      cache.put("k2", new Trace("two\nlines", 1, 2, true));
    }
    Files.writeString(
        file, "{\"key\":\"k3\",\"tra", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (TraceCache cache = TraceCache.open(file)) {
      assertThat(cache.size()).isEqualTo(2);
      assertThat(cache.get("k2").text()).isEqualTo("two\nlines");
      assertThat(cache.get("k2").requested()).isFalse();
      cache.put("k3", new Trace("three", 0, 0, true));
    }
    try (TraceCache cache = TraceCache.open(file)) {
      assertThat(cache.size()).isEqualTo(3);
    }
    assertThat(Files.readAllLines(file)).hasSize(3);
  }
}
