package org.mmeb.eval.reason;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.mmeb.eval.Json;

/**
 * TEST DOUBLE, not a model: an OpenAI-compatible {@code /v1/chat/completions} server on loopback
 * whose "trace" is a deterministic function of the request (how many images it got and a digest of
 * the prompt), so tests can check what the harness sent, what it recorded and what it cached. It
 * can answer 503 to everything, or answer the first N requests and hold the rest until released.
 */
public final class LoopbackReasoner implements AutoCloseable {

  private final HttpServer server;
  private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicInteger admitted = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile boolean failing;
  private volatile int answerBeforeHolding = Integer.MAX_VALUE;

  public LoopbackReasoner() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::answer);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Every request from now on gets HTTP 503. */
  public void failEverything() {
    failing = true;
  }

  /** Answers {@code count} more requests, then holds every other one until {@link #release}. */
  public void holdAfter(int count) {
    answerBeforeHolding = count == Integer.MAX_VALUE ? count : admitted.get() + count;
  }

  public void release() {
    release.countDown();
  }

  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  public int answered() {
    return answered.get();
  }

  /** The trace this double writes for a prompt with {@code images} images. */
  public static String traceFor(String prompt, int images) {
    return "<think>test double: "
        + images
        + " image(s), prompt digest "
        + Integer.toHexString(prompt.hashCode())
        + "</think> not a real reasoning trace";
  }

  private void answer(HttpExchange exchange) throws IOException {
    JsonNode body = Json.PLAIN.readTree(exchange.getRequestBody());
    requests.add(body);
    if (failing) {
      reply(exchange, 503, "{\"error\":{\"message\":\"overloaded\"}}");
      return;
    }
    if (admitted.incrementAndGet() > answerBeforeHolding) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int images = 0;
    String prompt = "";
    for (JsonNode part : body.at("/messages/0/content")) {
      if (part.path("type").asText().equals("image_url")) {
        images++;
      } else {
        prompt = part.path("text").asText();
      }
    }
    String trace = traceFor(prompt, images);
    ObjectNode response = Json.PLAIN.createObjectNode().put("object", "chat.completion");
    response
        .putArray("choices")
        .addObject()
        .put("index", 0)
        .put("finish_reason", "stop")
        .putObject("message")
        .put("role", "assistant")
        .put("content", trace);
    response
        .putObject("usage")
        .put("prompt_tokens", prompt.length() / 4 + 64 * images)
        .put("completion_tokens", trace.length() / 4);
    reply(exchange, 200, response.toString());
    answered.incrementAndGet();
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }
}
