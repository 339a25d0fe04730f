package org.mmeb.eval.reason;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.ItemKeys;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.pipeline.QueryTransform;
import org.mmeb.eval.result.Reasoning;

/**
 * Think-Then-Embed's query side: each query with a trace is embedded as the template places the
 * trace in its text (default: the query, then the reasoning); its key is the new content's key, so
 * the embedding cache never mixes vectors of queries with and without reasoning. Candidates are
 * untouched. Keeps per-task coverage and cost for the run record.
 */
public final class TracedQueries implements QueryTransform {
  private final TraceSource source;
  private final TraceTemplate template;
  private final PrintWriter log;
  private final Map<String, Reasoning.TaskTraces> tasks = new LinkedHashMap<>();
  private Map<String, Trace> current = Map.of();

  public TracedQueries(TraceSource source, TraceTemplate template, PrintWriter log) {
    this.source = source;
    this.template = template;
    this.log = log;
  }

  @Override
  public TaskData applyTo(TaskData data) {
    long start = System.nanoTime();
    current = source.traces(data);
    TaskData traced = QueryTransform.super.applyTo(data);
    Reasoning.TaskTraces figures = figures(data, (System.nanoTime() - start) / 1e9);
    tasks.put(data.spec().name(), figures);
    print(data.spec().name(), figures);
    return traced;
  }

  private void print(String task, Reasoning.TaskTraces figures) {
    log.printf(
        Locale.ROOT,
        "%s: traces for %d/%d queries (%d asked of %s, %d tokens, %.1f s)%n",
        task,
        figures.withTrace(),
        figures.queries(),
        figures.requested(),
        source.reasoner(),
        figures.promptTokens() + figures.completionTokens(),
        figures.seconds());
    log.flush();
  }

  /** How many of the task's queries have a trace, and what the ones asked for cost. */
  private Reasoning.TaskTraces figures(TaskData data, double seconds) {
    int withTrace =
        (int) data.rows().stream().filter(row -> current.containsKey(row.query().key())).count();
    List<Trace> asked = current.values().stream().filter(Trace::requested).toList();
    return new Reasoning.TaskTraces(
        data.rows().size(),
        withTrace,
        asked.size(),
        asked.stream().mapToLong(Trace::promptTokens).sum(),
        asked.stream().mapToLong(Trace::completionTokens).sum(),
        seconds);
  }

  @Override
  public Item query(String task, QueryRow row) {
    Trace trace = current.get(row.query().key());
    if (trace == null) {
      return row.query();
    }
    String text = template.place(row.query().text(), trace.text());
    return ItemKeys.byContent(text, row.query().images());
  }

  @Override
  public Reasoning reasoning() {
    return tasks.isEmpty() ? null : source.describe(template.pattern(), tasks);
  }
}
