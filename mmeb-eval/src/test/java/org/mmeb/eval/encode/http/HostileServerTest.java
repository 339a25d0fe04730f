package org.mmeb.eval.encode.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;

/**
 * Servers that answer wrong: before these checks, non-numbers became 0, vectors of any length were
 * dotted over the first one's length (hit@1 100.0), a stalled body hung past --server-timeout and a
 * 3 GB body was buffered before being refused.
 */
class HostileServerTest {
  private static final List<Item> TWO = List.of(Item.textOnly("a", "a"), Item.textOnly("b", "b"));
  private HttpServer server;
  private ExecutorService threads;
  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile String answer;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    threads = Executors.newCachedThreadPool();
    server.setExecutor(threads);
    server.createContext("/json/v1/embeddings", exchange -> reply(exchange, answer));
    server.createContext("/stall/v1/embeddings", this::stallTheBody);
    server.createContext("/endless/v1/embeddings", this::endlessBody);
    server.createContext("/huge/v1/embeddings", this::declaresThreeGigabytes);
    server.start();
  }

  @AfterEach
  void stopServer() {
    stop.countDown();
    server.stop(0);
    threads.shutdownNow();
  }

  private static void reply(HttpExchange exchange, String body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private void stallTheBody(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(200, 1000);
    exchange.getResponseBody().write("{\"data\": [".getBytes(StandardCharsets.UTF_8));
    exchange.getResponseBody().flush();
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.close();
  }

  private void endlessBody(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(200, 0); // chunked: no length announced
    byte[] spaces = new byte[1 << 16];
    java.util.Arrays.fill(spaces, (byte) ' ');
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < 1600 && stop.getCount() > 0; i++) { // up to 100 MB
        out.write(spaces);
      }
    } catch (IOException clientWentAway) {
      // expected: the encoder stops reading at its cap
    }
  }

  private void declaresThreeGigabytes(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(200, 3_000_000_000L);
    exchange.close();
  }

  private HttpEncoder encoder(String path) {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return new HttpEncoder(
        new HttpEncoder.Settings(base, "m", null, 2, 0, Duration.ofSeconds(2)), 1 << 20);
  }

  private String response(String first, String second) {
    return "{\"data\": [{\"index\": 0, \"embedding\": "
        + first
        + "}, {\"index\": 1, \"embedding\": "
        + second
        + "}]}";
  }

  private void assertRefused(String first, String second, String message) {
    answer = response(first, second);
    assertThatThrownBy(() -> encoder("/json/").encode(TWO, null))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(message);
  }

  @Test
  void valuesThatAreNotNumbersAreRefused() {
    assertRefused("[1, \"abc\"]", "[1, 2]", "embedding 0 has \"abc\" at dimension 1");
    assertRefused("[1, 2]", "[null, 2]", "embedding 1 has null at dimension 0");
    assertRefused("[1, 2]", "[1, [3]]", "has [3] at dimension 1");
    assertRefused("[1, 2]", "[1, true]", "has true at dimension 1");
  }

  @Test
  void valuesThatAreNotFiniteFloat32AreRefused() {
    assertRefused("[1, 1e39]", "[1, 2]", "expected a finite float32 number");
  }

  @Test
  void emptyAndMissingVectorsAreRefused() {
    assertRefused("[]", "[1, 2]", "embedding 0 is empty");
    answer = "{\"data\": [{\"index\": 0, \"embedding\": [1, 2]}]}";
    assertThatThrownBy(() -> encoder("/json/").encode(TWO, null))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("expected 2 embeddings in 'data', found 1");
  }

  @Test
  void vectorsOfDifferentLengthsAreRefusedWithinAResponseAndAcrossTheRun() throws Exception {
    assertRefused(
        "[1, 2]", "[1, 2, 3]", "an embedding of 3 dimensions where the earlier ones have 2");
    HttpEncoder encoder = encoder("/json/");
    answer = response("[1, 2]", "[3, 4]");
    assertThat(encoder.encode(TWO, null)).hasDimensions(2, 2);
    answer = response("[1, 2, 3]", "[3, 4, 5]");
    assertThatThrownBy(() -> encoder.encode(TWO, null))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("3 dimensions where the earlier ones have 2");
  }

  @Test
  void aResponseThatIsNotJsonIsOneLine() {
    answer = "<html>oops</html>";
    assertThatThrownBy(() -> encoder("/json/").encode(TWO, null))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("the response is not JSON")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aServerThatStallsTheBodyIsGivenUpOnAtTheDeadline() {
    assertThatThrownBy(() -> encoder("/stall/").encode(TWO, null))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("gave up after 1 attempts: timed out")
        .hasMessageContaining("/stall/: no complete response within 2 s");
  }

  @Test
  void aBodyGrowingPastTheCapIsCutOff() {
    assertThatThrownBy(() -> encoder("/endless/").encode(TWO, null))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("response of more than 1048576 bytes refused (the limit is 1 MB)");
  }

  @Test
  void aDeclaredLengthAboveTheCapIsRefusedBeforeReading() {
    assertThatThrownBy(() -> encoder("/huge/").encode(TWO, null))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("response of 3000000000 bytes refused");
  }
}
