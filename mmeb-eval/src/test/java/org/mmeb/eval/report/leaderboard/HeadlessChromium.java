package org.mmeb.eval.report.leaderboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.mmeb.eval.Json;

/**
 * A real headless Chromium driven over the DevTools protocol (a WebSocket on loopback, plain
 * java.net.http): commands in, responses and events out. Started with a fresh profile, stopped on
 * close.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  final List<JsonNode> events = new CopyOnWriteArrayList<>();

  /** The browser binary on PATH, if any (Debian's package installs {@code chromium}). */
  static Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
        .filter(Files::isExecutable)
        .findFirst();
  }

  HeadlessChromium(Path binary) throws Exception {
    profile = Files.createTempDirectory("mmeb-chromium-profile");
    process =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    int port = devToolsPort();
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    String targets =
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String pageSocket = null;
    for (JsonNode target : Json.PLAIN.readTree(targets)) {
      if (target.path("type").asText().equals("page")) {
        pageSocket = target.path("webSocketDebuggerUrl").asText();
      }
    }
    if (pageSocket == null) {
      throw new IllegalStateException("chromium has no page target: " + targets);
    }
    socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(pageSocket), new Listener())
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Chromium writes the port it chose into the profile once it listens. */
  private int devToolsPort() throws Exception {
    Path file = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "chromium exited: " + Files.readString(profile.resolve("chromium.log")));
      }
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).trim());
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("chromium did not open its DevTools port within " + TIMEOUT);
  }

  JsonNode send(String method, Map<String, ?> params) throws Exception {
    int id = nextId.incrementAndGet();
    ObjectNode message = Json.PLAIN.createObjectNode();
    message.put("id", id).put("method", method).set("params", Json.PLAIN.valueToTree(params));
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket
        .sendText(Json.PLAIN.writeValueAsString(message), true)
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JsonNode response = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (response.has("error")) {
      throw new IllegalStateException(method + " failed: " + response.get("error"));
    }
    return response.path("result");
  }

  /** Evaluates an expression in the page and returns its value (JSON-serialisable results only). */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode result =
        send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException(expression + " threw: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Waits until an event of this method has arrived. */
  void awaitEvent(String method) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (events.stream().noneMatch(e -> e.path("method").asText().equals(method))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no " + method + " within " + TIMEOUT);
      }
      Thread.sleep(20);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        dispatch(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    private void dispatch(String text) {
      try {
        JsonNode message = Json.PLAIN.readTree(text);
        if (message.has("id")) {
          CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
          if (reply != null) {
            reply.complete(message);
          }
        } else {
          events.add(message);
        }
      } catch (IOException e) {
        events.add(Json.PLAIN.createObjectNode().put("method", "unparseable").put("text", text));
      }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      send("Browser.close", Map.of());
    } catch (Exception e) {
      // the browser may close the socket before it answers; it is stopped below either way
    }
    socket.abort();
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
