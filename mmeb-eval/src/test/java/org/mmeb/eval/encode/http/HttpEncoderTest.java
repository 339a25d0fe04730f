package org.mmeb.eval.encode.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.GaveUp;
import org.mmeb.eval.Json;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;

/** Against a real HTTP server on loopback that speaks the OpenAI/vLLM embeddings API. */
class HttpEncoderTest {
  private HttpServer server;
  private final AtomicInteger failuresToServe = new AtomicInteger();
  private volatile String retryAfter;
  private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
  private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authHeaders = Collections.synchronizedList(new ArrayList<>());

  /** Images held in memory by path: the encoder only needs their bytes. */
  private final ImageStore images =
      new ImageStore() {
        final Map<String, byte[]> bytes =
            Map.of("a.png", new byte[] {1, 2, 3}, "b.jpg", new byte[] {9});

        @Override
        public byte[] read(String path) throws IOException {
          byte[] b = bytes.get(path);
          if (b == null) {
            throw new IOException("no " + path);
          }
          return b;
        }

        @Override
        public boolean contains(String path) {
          return bytes.containsKey(path);
        }

        @Override
        public String describe() {
          return "memory";
        }
      };

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/embeddings", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** Embeds a text as [length, 0] and an image as [sum of its bytes, image count]. */
  private void answer(HttpExchange exchange) throws IOException {
    JsonNode body = Json.PLAIN.readTree(exchange.getRequestBody());
    requests.add(body);
    arrivals.add(System.nanoTime());
    authHeaders.add(exchange.getRequestHeaders().getFirst("Authorization"));
    if (failuresToServe.getAndDecrement() > 0) {
      if (retryAfter != null) {
        exchange.getResponseHeaders().set("Retry-After", retryAfter);
      }
      reply(exchange, 503, "{\"error\":\"busy\"}");
      return;
    }
    ObjectNode response = Json.PLAIN.createObjectNode();
    ArrayNode data = response.putArray("data");
    if (body.has("input")) {
      for (int i = 0; i < body.get("input").size(); i++) {
        data.addObject()
            .put("index", i)
            .putArray("embedding")
            .add(body.get("input").get(i).asText().length())
            .add(0);
      }
    } else {
      int sum = 0;
      int count = 0;
      for (JsonNode part : body.get("messages").get(0).get("content")) {
        if (part.get("type").asText().equals("image_url")) {
          String url = part.get("image_url").get("url").asText();
          for (byte b : Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))) {
            sum += b;
          }
          count++;
        }
      }
      data.addObject().put("index", 0).putArray("embedding").add(sum).add(count);
    }
    reply(exchange, 200, Json.PLAIN.writeValueAsString(response));
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private HttpEncoder encoder(int retries) {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    return new HttpEncoder(
        new HttpEncoder.Settings(base, "my-embedder", "secret", 4, retries, Duration.ofSeconds(5)));
  }

  @Test
  void textAndImageItemsComeBackInInputOrder() throws Exception {
    List<Item> items =
        List.of(
            Item.textOnly("t1", "hello"),
            new Item("i1", "a photo", List.of("a.png")),
            Item.textOnly("t2", "hi"),
            new Item("i2", "", List.of("b.jpg", "a.png")));
    float[][] out = encoder(0).encode(items, images);
    assertThat(out).isDeepEqualTo(new float[][] {{5, 0}, {6, 1}, {2, 0}, {15, 2}});
    assertThat(requests).hasSize(3);
    assertThat(authHeaders).containsOnly("Bearer secret");
    JsonNode textRequest = requests.stream().filter(r -> r.has("input")).findFirst().orElseThrow();
    assertThat(textRequest.get("model").asText()).isEqualTo("my-embedder");
    assertThat(textRequest.get("input")).hasSize(2);
  }

  @Test
  void transientServerErrorsAreRetried() throws Exception {
    failuresToServe.set(2);
    float[][] out = encoder(3).encode(List.of(Item.textOnly("t", "abc")), images);
    assertThat(out[0]).containsExactly(3, 0);
    assertThat(requests).hasSize(3);
  }

  @Test
  void aBusyServersRetryAfterIsWaitedInsteadOfTheBackoff() throws Exception {
    failuresToServe.set(1);
    retryAfter = "1";
    float[][] out = encoder(3).encode(List.of(Item.textOnly("t", "abc")), images);
    assertThat(out[0]).containsExactly(3, 0);
    assertThat(arrivals).hasSize(2);
    // the backoff alone would try again after 200 ms; the server asked for a second
    assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0)))
        .isGreaterThan(Duration.ofMillis(950));
  }

  @Test
  void givingUpIsOneLineNamingTheAttempts() {
    failuresToServe.set(10);
    assertThatThrownBy(() -> encoder(1).encode(List.of(Item.textOnly("t", "abc")), images))
        .isInstanceOf(GaveUp.class)
        .hasMessageContaining("gave up after 2 attempts")
        .hasMessageContaining("HTTP 503");
  }

  @Test
  void theFingerprintNamesServerAndModel() {
    assertThat(encoder(0).fingerprint()).startsWith("http-").isEqualTo(encoder(1).fingerprint());
  }
}
