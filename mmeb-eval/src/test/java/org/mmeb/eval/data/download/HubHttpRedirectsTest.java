package org.mmeb.eval.data.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HubHttp's redirect rules on a loopback server: HEAD and text GETs follow same-origin redirects
 * only, a file GET follows any, the first X-Repo-Commit on the way wins, and a loop or a redirect
 * without a Location ends in one line.
 */
class HubHttpRedirectsTest {
  private HttpServer server;
  private URI base;
  private HubHttp http;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/loop", exchange -> redirect(exchange, "/loop", null));
    server.createContext("/first", exchange -> redirect(exchange, "/second", "commit-1"));
    server.createContext("/second", exchange -> redirect(exchange, "/file", "commit-2"));
    server.createContext("/elsewhere", exchange -> redirect(exchange, otherOrigin(), null));
    server.createContext("/nowhere", exchange -> redirect(exchange, null, null));
    server.createContext("/file", exchange -> answer(exchange, 200, "the file"));
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    http = new HubHttp(new HubEndpoint(base.toString(), null));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String otherOrigin() {
    return "http://localhost:" + server.getAddress().getPort() + "/file";
  }

  private static void redirect(HttpExchange exchange, String location, String commit)
      throws IOException {
    if (location != null) {
      exchange.getResponseHeaders().add("Location", location);
    }
    if (commit != null) {
      exchange.getResponseHeaders().add("X-Repo-Commit", commit);
    }
    answer(exchange, 307, "");
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
    if (!head) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Test
  void sameOriginRedirectsAreFollowedAndTheFirstRepoCommitOnTheWayWins() throws IOException {
    HubHttp.Head head = http.head(base.resolve("/first"));
    assertThat(head.response().statusCode()).isEqualTo(200);
    assertThat(head.response().uri()).isEqualTo(base.resolve("/file"));
    assertThat(head.repoCommit()).isEqualTo("commit-1");
    assertThat(http.getText(base.resolve("/first")).body()).isEqualTo("the file");
  }

  @Test
  void headAndTextStopAtARedirectToAnotherOriginWhileAFileGetFollowsIt() throws IOException {
    assertThat(http.head(base.resolve("/elsewhere")).response().statusCode()).isEqualTo(307);
    assertThat(http.getText(base.resolve("/elsewhere")).statusCode()).isEqualTo(307);
    HttpResponse<InputStream> file = http.get(base.resolve("/elsewhere"), 0);
    try (InputStream body = file.body()) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("the file");
    }
  }

  @Test
  void aRedirectWithoutALocationEndsHeadAndTextButFailsAFileGet() throws IOException {
    assertThat(http.head(base.resolve("/nowhere")).response().statusCode()).isEqualTo(307);
    assertThat(http.getText(base.resolve("/nowhere")).statusCode()).isEqualTo(307);
    URI nowhere = base.resolve("/nowhere");
    assertThatThrownBy(() -> http.get(nowhere, 0))
        .isInstanceOf(IOException.class)
        .hasMessage(nowhere + ": redirect without a Location");
  }

  @Test
  void aRedirectLoopEndsAfterFiveRedirects() {
    URI loop = base.resolve("/loop");
    String message = loop + ": more than 5 redirects";
    assertThatThrownBy(() -> http.head(loop)).hasMessage(message);
    assertThatThrownBy(() -> http.getText(loop)).hasMessage(message);
    assertThatThrownBy(() -> http.get(loop, 0)).hasMessage(message);
  }
}
