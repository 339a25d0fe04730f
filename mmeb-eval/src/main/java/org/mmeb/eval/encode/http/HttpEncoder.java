package org.mmeb.eval.encode.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.Encoder;

/**
 * An embedder behind an OpenAI-compatible HTTP server (vLLM, TEI, ...): text-only batches in one
 * request, each multimodal item in its own request; requests run concurrently up to a limit, are
 * retried with backoff on 429/5xx and connection errors, and time out.
 */
public final class HttpEncoder implements Encoder {
  /** Where the server is and how hard to push it. */
  public record Settings(
      URI baseUrl, String model, String apiKey, int concurrency, int retries, Duration timeout) {}

  private final Settings settings;
  private final HttpClient client;
  private final EmbeddingRequests requests;
  private final ObjectMapper json = new ObjectMapper();
  private final Semaphore permits;

  public HttpEncoder(Settings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    this.requests = new EmbeddingRequests(json, settings.model());
    this.permits = new Semaphore(Math.max(1, settings.concurrency()));
  }

  @Override
  public float[][] encode(List<Item> items, ImageStore images) throws Exception {
    List<Item> textOnly = items.stream().filter(item -> !item.hasImages()).toList();
    List<CompletableFuture<float[][]>> calls = new ArrayList<>();
    if (!textOnly.isEmpty()) {
      calls.add(post(requests.textBatch(textOnly), textOnly.size()));
    }
    for (Item item : items) {
      if (item.hasImages()) {
        calls.add(post(requests.multimodal(item, images), 1));
      }
    }
    float[][] textVectors = textOnly.isEmpty() ? new float[0][] : join(calls.get(0));
    float[][] out = new float[items.size()][];
    int nextText = 0;
    int nextCall = textOnly.isEmpty() ? 0 : 1;
    for (int i = 0; i < items.size(); i++) {
      out[i] = items.get(i).hasImages() ? join(calls.get(nextCall++))[0] : textVectors[nextText++];
    }
    return out;
  }

  private CompletableFuture<float[][]> post(String body, int expected) {
    return CompletableFuture.supplyAsync(() -> send(body, expected));
  }

  private float[][] send(String body, int expected) {
    permits.acquireUninterruptibly();
    try {
      return RetryingCall.run(settings.retries(), () -> sendOnce(body, expected));
    } finally {
      permits.release();
    }
  }

  private float[][] sendOnce(String body, int expected) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.baseUrl().resolve("v1/embeddings"))
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (settings.apiKey() != null && !settings.apiKey().isEmpty()) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    RetryingCall.checkStatus(response.statusCode(), response.body(), settings.baseUrl());
    return EmbeddingResponse.parse(json.readTree(response.body()), expected, settings.baseUrl());
  }

  private static float[][] join(CompletableFuture<float[][]> call) {
    try {
      return call.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof UserError userError) {
        throw userError;
      }
      throw e;
    }
  }

  @Override
  public String fingerprint() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ("http\n" + settings.baseUrl() + "\n" + settings.model())
                      .getBytes(StandardCharsets.UTF_8));
      return "http-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String device() {
    return "http:" + settings.baseUrl();
  }

  /** The parts of a response that matter, checked. */
  static final class EmbeddingResponse {
    private EmbeddingResponse() {}

    static float[][] parse(JsonNode body, int expected, URI server) {
      JsonNode data = body.path("data");
      if (!data.isArray() || data.size() != expected) {
        throw new UserError(
            server
                + ": expected "
                + expected
                + " embeddings in 'data', found "
                + (data.isArray() ? data.size() : "none"));
      }
      float[][] out = new float[expected][];
      for (JsonNode entry : data) {
        int index = entry.path("index").asInt(-1);
        JsonNode vector = entry.path("embedding");
        if (index < 0 || index >= expected || out[index] != null || !vector.isArray()) {
          throw new UserError(
              server
                  + ": malformed embedding entry "
                  + entry.toString().substring(0, Math.min(80, entry.toString().length())));
        }
        out[index] = new float[vector.size()];
        for (int d = 0; d < vector.size(); d++) {
          out[index][d] = (float) vector.get(d).asDouble();
        }
      }
      return out;
    }
  }
}
