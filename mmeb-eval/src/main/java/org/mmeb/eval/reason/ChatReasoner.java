package org.mmeb.eval.reason;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.mmeb.eval.GaveUp;
import org.mmeb.eval.Json;
import org.mmeb.eval.RetryPolicy;
import org.mmeb.eval.UserError;

/**
 * A reasoner MLLM behind an OpenAI-compatible {@code /v1/chat/completions} endpoint (vLLM, ...):
 * one user message, the query's images as {@code data:} URIs then the prompt; greedy decoding
 * (temperature 0) with {@code max_tokens} and {@code seed}. Transient failures (429, 5xx, I/O,
 * timeouts) are retried with exponential backoff until {@code retries} or the whole-request {@code
 * deadline} runs out.
 */
public final class ChatReasoner {
  /** Where the reasoner is and how it decodes. */
  public record Settings(
      URI baseUrl,
      String model,
      String apiKey,
      int maxTokens,
      long seed,
      int retries,
      Duration requestTimeout,
      Duration deadline) {
    /** The decoding settings, as recorded and as part of every trace's cache key. */
    public ObjectNode decoding() {
      return Json.PLAIN
          .createObjectNode()
          .put("temperature", 0)
          .put("max_tokens", maxTokens)
          .put("seed", seed);
    }
  }

  /** A failure worth another try. */
  private static final class Transient extends IOException {
    Transient(String message) {
      super(message);
    }
  }

  private final Settings settings;
  private final HttpClient client;
  private final RetryPolicy retries;

  public ChatReasoner(Settings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    this.retries =
        new RetryPolicy(settings.retries() + 1, Duration.ofMillis(250), Duration.ofSeconds(10));
  }

  public Settings settings() {
    return settings;
  }

  /** The reasoner's trace for {@code prompt} about {@code images} (data: URIs, in order). */
  public Trace ask(String prompt, List<String> images) {
    String body = body(prompt, images);
    long deadline = System.nanoTime() + settings.deadline().toNanos();
    try {
      return retries.runUntil(deadline, () -> sendUninterrupted(body, deadline));
    } catch (RetryPolicy.Exhausted e) {
      int tries = e.attempts();
      throw new GaveUp(
          "gave up after " + tries + (tries == 1 ? " attempt: " : " attempts: ") + why(e.last()),
          e.last());
    } catch (InterruptedIOException e) {
      throw new UserError("interrupted while waiting to retry the reasoner");
    }
  }

  private Trace sendUninterrupted(String body, long deadline) throws IOException {
    try {
      return send(body, deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while asking the reasoner");
    }
  }

  private String body(String prompt, List<String> images) {
    ObjectNode body = Json.PLAIN.createObjectNode().put("model", settings.model());
    ArrayNode content =
        body.putArray("messages").addObject().put("role", "user").putArray("content");
    for (String uri : images) {
      content.addObject().put("type", "image_url").putObject("image_url").put("url", uri);
    }
    content.addObject().put("type", "text").put("text", prompt);
    body.setAll(settings.decoding());
    return body.toString();
  }

  private Trace send(String body, long deadline) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(request(body, deadline), HttpResponse.BodyHandlers.ofString());
    checkStatus(response);
    return parse(response.body());
  }

  /** The POST to chat/completions, timed out at the request timeout or the deadline. */
  private HttpRequest request(String body, long deadline) {
    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    Duration timeout = Duration.ofMillis(Math.min(settings.requestTimeout().toMillis(), left));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.baseUrl().resolve("v1/chat/completions"))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (settings.apiKey() != null && !settings.apiKey().isEmpty()) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    return request.build();
  }

  /** 429 and 5xx are worth another try; any other status but 200 is not. */
  private static void checkStatus(HttpResponse<String> response) throws Transient {
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      throw new Transient("HTTP " + status);
    }
    if (status != 200) {
      String text = response.body() == null ? "" : response.body();
      throw new UserError(
          "HTTP "
              + status
              + ": "
              + text.substring(0, Math.min(200, text.length())).replace('\n', ' '));
    }
  }

  private Trace parse(String body) throws IOException {
    JsonNode root = Json.PLAIN.readTree(body);
    JsonNode content = root.path("choices").path(0).path("message").path("content");
    if (!content.isTextual() || content.asText().isBlank()) {
      throw new UserError("the answer has no choices[0].message.content");
    }
    JsonNode usage = root.path("usage");
    return new Trace(
        content.asText(),
        usage.path("prompt_tokens").asLong(0),
        usage.path("completion_tokens").asLong(0),
        true);
  }

  private static String why(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return "timed out";
    }
    return e instanceof Transient ? e.getMessage() : e.toString();
  }
}
