package org.mmeb.eval.reason;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.encode.http.DataUris;
import org.mmeb.eval.result.Reasoning;

/**
 * Traces from a reasoner endpoint: each query not in the trace cache is asked of the reasoner,
 * {@code concurrency} at a time, and written to the cache as soon as it arrives. When a query still
 * fails after the reasoner's retries, the run stops with one line (what finished stays cached, so
 * running again asks only for the rest).
 */
public final class ReasonerTraces implements TraceSource {
  private final ChatReasoner reasoner;
  private final String name;
  private final PromptTemplates prompts;
  private final Path cacheRoot;
  private final ExecutorService pool;

  public ReasonerTraces(
      ChatReasoner reasoner,
      String name,
      PromptTemplates prompts,
      Path cacheRoot,
      int concurrency) {
    this.reasoner = reasoner;
    this.name = name;
    this.prompts = prompts;
    this.cacheRoot = cacheRoot;
    this.pool = Executors.newFixedThreadPool(Math.max(1, concurrency), ReasonerTraces::daemon);
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "reasoner");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public String reasoner() {
    return name;
  }

  private String endpoint() {
    return reasoner.settings().model() + " at " + reasoner.settings().baseUrl();
  }

  @Override
  public Map<String, Trace> traces(TaskData data) {
    PromptTemplates.Prompt prompt = prompts.forTask(data.spec());
    Path file = cacheFile(data);
    Map<String, Trace> out = new LinkedHashMap<>();
    try (TraceCache cache = TraceCache.open(file)) {
      collect(data, askUncached(data, prompt, cache, out), out, cache);
    } catch (IOException e) {
      throw new UserError("cannot close the trace cache " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  private Path cacheFile(TaskData data) {
    return cacheRoot
        .resolve("traces")
        .resolve(safe(data.spec().benchmark()))
        .resolve(safe(data.spec().name()) + ".jsonl");
  }

  /**
   * Puts the cached trace of each distinct query into {@code out}, and asks the reasoner for the
   * others on the pool (their answers are cached as they come).
   */
  private List<Asked> askUncached(
      TaskData data, PromptTemplates.Prompt prompt, TraceCache cache, Map<String, Trace> out) {
    List<Asked> asked = new ArrayList<>();
    for (QueryRow row : distinctQueries(data)) {
      String key = traceKey(data, row.query(), prompt);
      Trace cached = cache.get(key);
      if (cached != null) {
        out.put(row.query().key(), cached);
      } else {
        asked.add(askOnPool(data, row, prompt.render(data.spec(), row.query().text()), key, cache));
      }
    }
    return asked;
  }

  /** The first row of each query key, in row order. */
  private static List<QueryRow> distinctQueries(TaskData data) {
    Set<String> seen = new HashSet<>();
    return data.rows().stream().filter(row -> seen.add(row.query().key())).toList();
  }

  private String traceKey(TaskData data, Item query, PromptTemplates.Prompt prompt) {
    String decoding = reasoner.settings().decoding().toString();
    return TraceKeys.of(
        data.spec().name(), query, data.images(), endpoint(), prompt.sha256(), decoding);
  }

  private Asked askOnPool(TaskData data, QueryRow row, String text, String key, TraceCache cache) {
    Item query = row.query();
    return new Asked(
        query.key(), row.row(), pool.submit(() -> ask(cache, key, text, query, data.images())));
  }

  private record Asked(String key, int row, Future<Trace> trace) {}

  private Trace ask(TraceCache cache, String key, String prompt, Item query, ImageStore images)
      throws IOException {
    List<String> uris = new ArrayList<>();
    for (String path : query.images()) {
      uris.add(DataUris.of(path, images.read(path)));
    }
    Trace trace = reasoner.ask(prompt, uris);
    cache.put(key, trace);
    return trace;
  }

  private void collect(TaskData data, List<Asked> asked, Map<String, Trace> out, TraceCache cache) {
    for (Asked a : asked) {
      try {
        out.put(a.key(), a.trace().get());
      } catch (ExecutionException | InterruptedException e) {
        asked.forEach(other -> other.trace().cancel(true));
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw gaveUp(data, a, cache, e instanceof ExecutionException ? e.getCause() : e);
      }
    }
  }

  /** One line: which row the reasoner failed on, why, and how many traces are safe. */
  private UserError gaveUp(TaskData data, Asked asked, TraceCache cache, Throwable cause) {
    return new UserError(
        "reasoner "
            + endpoint()
            + " keeps failing: "
            + data.spec().name()
            + " row "
            + asked.row()
            + ": "
            + (cause instanceof UserError ? cause.getMessage() : String.valueOf(cause))
            + " ("
            + cache.size()
            + " traces of this task are cached; run again to resume)",
        cause instanceof UserError error ? error.exitCode() : UserError.BAD_INPUT,
        cause);
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  @Override
  public Reasoning describe(String template, Map<String, Reasoning.TaskTraces> tasks) {
    return new Reasoning(
        name,
        "endpoint",
        reasoner.settings().baseUrl().toString(),
        reasoner.settings().model(),
        reasoner.settings().decoding(),
        prompts.hashes(),
        template,
        tasks);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
