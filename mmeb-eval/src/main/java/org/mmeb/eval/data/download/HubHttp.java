package org.mmeb.eval.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * HTTP against the hub with redirects followed by hand: the token goes only to the hub's own host,
 * never to the storage host a redirect points at, and the first response's headers (where the hub
 * puts {@code X-Linked-Etag}) stay visible.
 */
final class HubHttp {
  private static final int MAX_REDIRECTS = 5;
  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(30))
          .build();
  private final HubEndpoint endpoint;

  HubHttp(HubEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** The hub's own answer to HEAD, redirects not followed. */
  HttpResponse<Void> head(URI uri) throws IOException {
    return send(
        request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** GET, following redirects; {@code from} > 0 asks for the bytes from that offset on. */
  HttpResponse<InputStream> get(URI uri, long from) throws IOException {
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpRequest.Builder request = request(current).GET();
      if (from > 0) {
        request.header("Range", "bytes=" + from + "-");
      }
      HttpResponse<InputStream> response =
          send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      int status = response.statusCode();
      if (status < 300 || status >= 400) {
        return response;
      }
      String location =
          response
              .headers()
              .firstValue("Location")
              .orElseThrow(() -> new IOException(uri + ": redirect without a Location"));
      response.body().close();
      current = current.resolve(location);
    }
    throw new IOException(uri + ": more than " + MAX_REDIRECTS + " redirects");
  }

  /** GET of a small text document (a tree listing). */
  HttpResponse<String> getText(URI uri) throws IOException {
    return send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(2))
            .header("User-Agent", "mmeb-eval");
    if (endpoint.token() != null && sameHost(uri, URI.create(endpoint.base()))) {
      request.header("Authorization", "Bearer " + endpoint.token());
    }
    return request;
  }

  private static boolean sameHost(URI a, URI b) {
    return Objects.equals(a.getHost(), b.getHost()) && a.getPort() == b.getPort();
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    try {
      return client.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
