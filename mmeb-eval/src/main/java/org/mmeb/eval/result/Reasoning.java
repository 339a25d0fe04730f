package org.mmeb.eval.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a run's queries were given reasoning traces (Think-Then-Embed): who wrote them, with which
 * prompts and decoding settings, how they were placed in the query text, and per task how many
 * queries got one, the tokens the reasoner spent and the time it took.
 *
 * @param reasoner the name the leaderboard shows after the embedder ("embedder + reasoner")
 * @param source {@code endpoint} (a chat-completions server) or {@code file} (a JSONL of traces)
 * @param location the endpoint URL or the traces file
 * @param model the model the endpoint was asked for (null for a file)
 * @param decoding temperature, max_tokens, seed (null for a file)
 * @param promptHashes SHA-256 of each prompt template used, by the template file's name
 * @param template how the trace was placed in the query text ({@code {query}}, {@code {trace}})
 * @param tasks coverage and cost per task
 */
public record Reasoning(
    String reasoner,
    String source,
    String location,
    String model,
    JsonNode decoding,
    Map<String, String> promptHashes,
    String template,
    Map<String, TaskTraces> tasks) {
  public Reasoning {
    promptHashes = Collections.unmodifiableMap(new LinkedHashMap<>(promptHashes));
    tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
  }

  /** The same reasoning with other per-task figures (a subset run merging kept tasks). */
  public Reasoning withTasks(Map<String, TaskTraces> tasks) {
    return new Reasoning(
        reasoner, source, location, model, decoding, promptHashes, template, tasks);
  }

  /**
   * One task's traces: {@code withTrace} of {@code queries} rows got one; {@code requested} were
   * asked of the reasoner in this run (the rest came from the trace cache or the file).
   */
  public record TaskTraces(
      int queries,
      int withTrace,
      int requested,
      long promptTokens,
      long completionTokens,
      double seconds) {
    public double coverage() {
      return queries == 0 ? 0 : (double) withTrace / queries;
    }
  }
}
