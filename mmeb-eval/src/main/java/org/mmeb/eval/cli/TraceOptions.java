package org.mmeb.eval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.mmeb.eval.UserError;
import org.mmeb.eval.pipeline.QueryTransform;
import org.mmeb.eval.reason.ChatReasoner;
import org.mmeb.eval.reason.PromptTemplates;
import org.mmeb.eval.reason.ReasonerTraces;
import org.mmeb.eval.reason.TraceFile;
import org.mmeb.eval.reason.TraceSource;
import org.mmeb.eval.reason.TraceTemplate;
import org.mmeb.eval.reason.TracedQueries;
import picocli.CommandLine.Option;

/** Reasoning traces for the queries (Think-Then-Embed): a traces file or a reasoner endpoint. */
public final class TraceOptions {
  @Option(names = "--traces", paramLabel = "FILE", description = "JSONL of query traces.")
  Path tracesFile;

  @Option(
      names = "--reasoner",
      paramLabel = "URL",
      description = "OpenAI-compatible chat-completions server writing the traces.")
  URI reasoner;

  @Option(names = "--reasoner-model", description = "Model name sent to the reasoner.")
  String reasonerModel;

  @Option(
      names = "--reasoner-name",
      description =
          "The reasoner as results name it (default: --reasoner-model, or the traces file's"
              + " 'reasoner').")
  String reasonerName;

  @Option(
      names = "--prompts",
      defaultValue = "prompts/tte",
      description = "Prompt templates folder (default: ${DEFAULT-VALUE}).")
  Path prompts;

  @Option(
      names = "--reasoner-max-tokens",
      defaultValue = "1024",
      description = "max_tokens per trace (default: ${DEFAULT-VALUE}).")
  int maxTokens;

  @Option(
      names = "--reasoner-seed",
      defaultValue = "0",
      description = "seed sent with temperature 0 (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--reasoner-concurrency",
      defaultValue = "4",
      description = "Requests in flight (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--reasoner-retries",
      defaultValue = "4",
      description = "Retries on 429/5xx/timeouts, with backoff (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--reasoner-timeout",
      defaultValue = "300",
      description = "Seconds per request (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--reasoner-deadline",
      defaultValue = "900",
      description = "Seconds per query, retries included (default: ${DEFAULT-VALUE}).")
  int deadlineSeconds;

  @Option(
      names = "--trace-template",
      description =
          "Where the trace goes in the query text, with {query} and {trace} (default: the model"
              + " spec's trace_template, else the query, a newline, the trace).")
  String template;

  boolean enabled() {
    return tracesFile != null || reasoner != null;
  }

  /** The source of traces the options name; null when they name none. */
  TraceSource source(Path cacheDir, PrintWriter log) {
    if (tracesFile != null && reasoner != null) {
      throw new UserError("give --traces FILE or --reasoner URL, not both");
    }
    if (tracesFile != null) {
      return new TraceFile(tracesFile, reasonerName, log);
    }
    return reasoner == null ? null : reasonerTraces(cacheDir);
  }

  private ReasonerTraces reasonerTraces(Path cacheDir) {
    if (reasonerModel == null) {
      throw new UserError("--reasoner needs --reasoner-model NAME");
    }
    String name = reasonerName != null ? reasonerName : reasonerModel;
    return new ReasonerTraces(
        chatReasoner(), name, new PromptTemplates(prompts), cacheDir, concurrency);
  }

  private ChatReasoner chatReasoner() {
    URI base = reasoner.toString().endsWith("/") ? reasoner : URI.create(reasoner + "/");
    return new ChatReasoner(
        new ChatReasoner.Settings(
            base,
            reasonerModel,
            System.getenv("MMEB_EVAL_REASONER_API_KEY"),
            maxTokens,
            seed,
            retries,
            Duration.ofSeconds(timeoutSeconds),
            Duration.ofSeconds(deadlineSeconds)));
  }

  /** The query transform for {@code source} (null: none), placing traces as the spec says. */
  static QueryTransform transform(
      TraceSource source, String template, JsonNode spec, PrintWriter log) {
    if (source == null) {
      return QueryTransform.NONE;
    }
    String pattern = template;
    if (pattern == null && spec != null && spec.path("trace_template").isTextual()) {
      pattern = spec.get("trace_template").asText();
    }
    return new TracedQueries(
        source, pattern == null ? TraceTemplate.TTE : new TraceTemplate(pattern), log);
  }
}
