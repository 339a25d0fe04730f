package org.mmeb.eval.encode.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.mmeb.eval.GaveUp;
import org.mmeb.eval.Json;
import org.mmeb.eval.RetryPolicy;
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

  /**
   * The largest response read: 32 vectors of 4096 dimensions are ~3.5 MB of JSON, so this leaves
   * ample room while refusing a runaway body long before memory runs out.
   */
  static final long MAX_RESPONSE_BYTES = 64L << 20;

  private final Settings settings;
  private final long maxResponseBytes;
  private final AtomicInteger dimension = new AtomicInteger(-1);
  private final HttpClient client;
  private final EmbeddingRequests requests;
  private final Semaphore permits;
  private final RetryPolicy retries;

  public HttpEncoder(Settings settings) {
    this(settings, MAX_RESPONSE_BYTES);
  }

  HttpEncoder(Settings settings, long maxResponseBytes) {
    this.settings = settings;
    this.maxResponseBytes = maxResponseBytes;
    this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    this.requests = new EmbeddingRequests(settings.model());
    this.permits = new Semaphore(Math.max(1, settings.concurrency()));
    this.retries =
        new RetryPolicy(settings.retries() + 1, Duration.ofMillis(200), Duration.ofSeconds(10));
  }

  @Override
  public float[][] encode(List<Item> items, ImageStore images) throws Exception {
    List<Item> textOnly = items.stream().filter(item -> !item.hasImages()).toList();
    return inItemOrder(items, textOnly, postAll(items, textOnly, images));
  }

  /** Starts the requests: the text-only items in one (first), then one per multimodal item. */
  private List<CompletableFuture<float[][]>> postAll(
      List<Item> items, List<Item> textOnly, ImageStore images) throws IOException {
    List<CompletableFuture<float[][]>> calls = new ArrayList<>();
    if (!textOnly.isEmpty()) {
      calls.add(post(requests.textBatch(textOnly), textOnly.size()));
    }
    for (Item item : items) {
      if (item.hasImages()) {
        calls.add(post(requests.multimodal(item, images), 1));
      }
    }
    return calls;
  }

  /** Waits for {@link #postAll}'s requests and puts their vectors back in the items' order. */
  private static float[][] inItemOrder(
      List<Item> items, List<Item> textOnly, List<CompletableFuture<float[][]>> calls) {
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
      return sendWithRetries(body, expected);
    } finally {
      permits.release();
    }
  }

  private float[][] sendWithRetries(String body, int expected) {
    try {
      return retries.run(() -> sendOnce(body, expected));
    } catch (RetryPolicy.Exhausted e) {
      throw new GaveUp(
          "gave up after " + e.attempts() + " attempts: " + describe(e.last()), e.last());
    } catch (InterruptedIOException e) {
      throw new UncheckedIOException(e);
    } catch (UserError e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UserError("embedding request failed: " + e, e);
    }
  }

  private float[][] sendOnce(String body, int expected) throws IOException {
    HttpResponse<byte[]> response = sendWithinDeadline(embeddingsRequest(body));
    checkStatus(response);
    float[][] vectors =
        EmbeddingResponse.parse(readJson(response.body()), expected, settings.baseUrl());
    checkDimension(vectors);
    return vectors;
  }

  private HttpRequest embeddingsRequest(String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.baseUrl().resolve("v1/embeddings"))
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (settings.apiKey() != null && !settings.apiKey().isEmpty()) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    return request.build();
  }

  /**
   * The request's timeout only covers the wait for the headers; this deadline covers the whole
   * exchange, so a server that sends headers and then stalls the body is given up on in time.
   */
  private HttpResponse<byte[]> sendWithinDeadline(HttpRequest request) throws IOException {
    CompletableFuture<HttpResponse<byte[]>> call =
        client.sendAsync(request, CappedBody.handler(maxResponseBytes, settings.baseUrl()));
    try {
      return call.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      call.cancel(true);
      throw interrupted(e);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw timedOut();
    } catch (ExecutionException e) {
      throw failure(e);
    }
  }

  private HttpTimeoutException timedOut() {
    return new HttpTimeoutException(
        settings.baseUrl()
            + ": no complete response within "
            + settings.timeout().toSeconds()
            + " s");
  }

  /** An interrupt while waiting: the thread stays interrupted and the tries end. */
  private static InterruptedIOException interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    InterruptedIOException stop = new InterruptedIOException("interrupted");
    stop.initCause(e);
    return stop;
  }

  /**
   * What failed the exchange: an I/O error (worth another try) as it is, anything else one line.
   */
  private static IOException failure(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IOException io) {
      return io;
    }
    throw cause instanceof UserError userError
        ? userError
        : new UserError("embedding request failed: " + e, e);
  }

  /**
   * 429 and 5xx are worth another try, after the wait the server asks for ({@code Retry-After}) if
   * it does; any other answer but 200 is the server refusing.
   */
  private void checkStatus(HttpResponse<byte[]> response) throws IOException {
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      throw new RetryPolicy.ServerBusy(
          settings.baseUrl() + " answered HTTP " + status, response.headers());
    }
    if (status != 200) {
      String body = new String(response.body(), StandardCharsets.UTF_8);
      String snippet = body.substring(0, Math.min(200, body.length()));
      throw new UserError(
          settings.baseUrl() + " answered HTTP " + status + ": " + snippet.replace('\n', ' '));
    }
  }

  private static String describe(IOException e) {
    return e instanceof HttpTimeoutException
        ? "timed out (" + e.getMessage() + ")"
        : e.getMessage();
  }

  private JsonNode readJson(byte[] body) {
    try {
      return Json.PLAIN.readTree(body);
    } catch (IOException e) {
      String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new UserError(settings.baseUrl() + ": the response is not JSON: " + first, e);
    }
  }

  /** One dimension for every vector of the run: a server cannot switch models half-way. */
  private void checkDimension(float[][] vectors) {
    for (float[] vector : vectors) {
      dimension.compareAndSet(-1, vector.length);
      if (vector.length != dimension.get()) {
        throw new UserError(
            settings.baseUrl()
                + ": an embedding of "
                + vector.length
                + " dimensions where the earlier ones have "
                + dimension.get());
      }
    }
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
      requireCount(data, expected, server);
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
        out[index] = values(vector, index, server);
      }
      return out;
    }

    private static void requireCount(JsonNode data, int expected, URI server) {
      if (!data.isArray() || data.size() != expected) {
        throw new UserError(
            server
                + ": expected "
                + expected
                + " embeddings in 'data', found "
                + (data.isArray() ? data.size() : "none"));
      }
    }

    /** Numbers only, each finite as a float32, at least one: never a silent 0 for "abc". */
    private static float[] values(JsonNode vector, int index, URI server) {
      if (vector.isEmpty()) {
        throw new UserError(server + ": embedding " + index + " is empty");
      }
      float[] out = new float[vector.size()];
      for (int d = 0; d < out.length; d++) {
        JsonNode value = vector.get(d);
        out[d] = value.isNumber() ? (float) value.doubleValue() : Float.NaN;
        if (!Float.isFinite(out[d])) {
          throw notAFloat(value, index, d, server);
        }
      }
      return out;
    }

    private static UserError notAFloat(JsonNode value, int index, int dimension, URI server) {
      String text = value.toString();
      return new UserError(
          server
              + ": embedding "
              + index
              + " has "
              + text.substring(0, Math.min(40, text.length()))
              + " at dimension "
              + dimension
              + " (expected a finite float32 number)");
    }
  }
}
