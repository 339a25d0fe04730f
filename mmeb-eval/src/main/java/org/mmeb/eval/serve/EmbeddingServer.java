package org.mmeb.eval.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;
import org.mmeb.eval.encode.Encoder;

/**
 * An encoder behind OpenAI-compatible HTTP: {@code POST /v1/embeddings} (see {@link
 * EmbeddingRequestParser} for the two forms), {@code GET /v1/models}, {@code GET /health}. Each
 * vector component is written as the decimal of the float widened to double, so a client that
 * parses it as a double and narrows it to float gets the encoder's float back exactly.
 */
public final class EmbeddingServer implements AutoCloseable {
  /** Larger bodies (a video is 8 frames) are refused with 413 before they fill the heap. */
  static final int MAX_BODY_BYTES = 64 << 20;

  private final String modelName;
  private final EmbeddingRequestParser parser;
  private final RequestBatcher batcher;
  private final HttpServer http;
  private final ExecutorService handlers;

  private EmbeddingServer(Encoder encoder, String modelName, int maxBatch, HttpServer http) {
    this.modelName = modelName;
    this.parser = new EmbeddingRequestParser(modelName);
    this.batcher = new RequestBatcher(encoder, maxBatch);
    this.http = http;
    this.handlers = Executors.newFixedThreadPool(64);
    http.setExecutor(handlers);
    http.createContext("/v1/embeddings", exchange -> handle(exchange, "POST", this::embeddings));
    http.createContext("/v1/models", exchange -> handle(exchange, "GET", this::models));
    http.createContext("/health", exchange -> handle(exchange, "GET", e -> reply(e, 200, "")));
    http.start();
  }

  /**
   * Serves {@code encoder} under {@code modelName} on {@code host:port} (port 0: any free port); at
   * most {@code maxBatch} items go to the model at once.
   */
  public static EmbeddingServer start(
      Encoder encoder, String modelName, String host, int port, int maxBatch) {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
      return new EmbeddingServer(encoder, modelName, maxBatch, http);
    } catch (IOException e) {
      throw new UserError("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:8000/}. */
  public URI baseUrl() {
    InetSocketAddress address = http.getAddress();
    String host = address.getAddress().getHostAddress();
    return URI.create(
        "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
  }

  /** Requests waiting for the model, for tests that need a batch to form. */
  int waitingRequests() {
    return batcher.waiting();
  }

  private interface Handler {
    void handle(HttpExchange exchange) throws Exception;
  }

  private static void handle(HttpExchange exchange, String method, Handler handler) {
    try (exchange) {
      answer(exchange, method, handler);
    }
  }

  private static void answer(HttpExchange exchange, String method, Handler handler) {
    try {
      if (!exchange.getRequestMethod().equals(method)) {
        throw new BadRequest(405, "use " + method + " " + exchange.getRequestURI());
      }
      handler.handle(exchange);
    } catch (BadRequest e) {
      error(exchange, e);
    } catch (UserError e) {
      error(exchange, new BadRequest(e.getMessage()));
    } catch (Exception e) {
      error(exchange, new BadRequest(500, "internal error: " + e));
    }
  }

  private void embeddings(HttpExchange exchange) throws Exception {
    float[][] vectors = encode(parser.parse(requestJson(exchange)));
    reply(exchange, 200, embeddingList(vectors));
  }

  private static JsonNode requestJson(HttpExchange exchange) throws IOException {
    JsonNode body;
    try {
      body = Json.PLAIN.readTree(readBody(exchange.getRequestBody()));
    } catch (JsonProcessingException e) {
      throw new BadRequest("the request body is not JSON: " + e.getOriginalMessage());
    }
    if (body == null) {
      throw new BadRequest("empty request body");
    }
    return body;
  }

  /** OpenAI's response: {"object": "list", "model": ..., "data": [embedding objects]}. */
  private byte[] embeddingList(float[][] vectors) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = Json.PLAIN.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("object", "list");
      json.writeStringField("model", modelName);
      json.writeArrayFieldStart("data");
      for (int i = 0; i < vectors.length; i++) {
        writeEmbedding(json, i, vectors[i]);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void writeEmbedding(JsonGenerator json, int index, float[] vector)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("object", "embedding");
    json.writeNumberField("index", index);
    json.writeArrayFieldStart("embedding");
    for (float v : vector) {
      json.writeNumber((double) v);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private float[][] encode(EmbeddingRequest request) throws Exception {
    try {
      return batcher.submit(request).get();
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private void models(HttpExchange exchange) throws IOException {
    var body = Json.PLAIN.createObjectNode().put("object", "list");
    body.putArray("data")
        .addObject()
        .put("id", modelName)
        .put("object", "model")
        .put("created", 0)
        .put("owned_by", "mmeb-eval");
    reply(exchange, 200, Json.PLAIN.writeValueAsBytes(body));
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw new BadRequest(413, "request body over " + (MAX_BODY_BYTES >> 20) + " MB");
    }
    return bytes;
  }

  private static void error(HttpExchange exchange, BadRequest e) {
    var body = Json.PLAIN.createObjectNode();
    body.putObject("error")
        .put("message", e.getMessage())
        .put("type", e.status() >= 500 ? "InternalServerError" : "BadRequestError")
        .put("code", e.status());
    try {
      reply(exchange, e.status(), Json.PLAIN.writeValueAsBytes(body));
    } catch (IOException ignored) {
      // the client is gone; nothing to tell it
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    reply(exchange, status, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() throws InterruptedException {
    http.stop(0);
    batcher.close();
    handlers.shutdownNow();
  }
}
