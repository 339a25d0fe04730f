package org.mmeb.eval.reason;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
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
    int withTrace = 0;
    for (QueryRow row : data.rows()) {
      withTrace += current.containsKey(row.query().key()) ? 1 : 0;
    }
    long promptTokens = 0;
    long completionTokens = 0;
    int requested = 0;
    for (Trace trace : current.values()) {
      if (trace.requested()) {
        requested++;
        promptTokens += trace.promptTokens();
        completionTokens += trace.completionTokens();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Reasoning.TaskTraces figures =
        new Reasoning.TaskTraces(
            data.rows().size(), withTrace, requested, promptTokens, completionTokens, seconds);
    tasks.put(data.spec().name(), figures);
    log.printf(
        Locale.ROOT,
        "%s: traces for %d/%d queries (%d asked of %s, %d tokens, %.1f s)%n",
        data.spec().name(),
        withTrace,
        data.rows().size(),
        requested,
        source.reasoner(),
        promptTokens + completionTokens,
        seconds);
    log.flush();
    return traced;
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
