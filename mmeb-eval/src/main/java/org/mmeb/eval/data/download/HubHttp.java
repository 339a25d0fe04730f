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
 * over the hub's own scheme (never to a storage host a redirect points at, never in clear text
 * after an https hub redirects to http), and each hop's headers stay visible.
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

  /**
   * HEAD as huggingface_hub's {@code get_hf_file_metadata} does it: relative and same-host
   * redirects are followed (a regular file answers 307 to {@code /api/resolve-cache/…}, a renamed
   * repo 307 to its new name), a redirect to another host (an LFS file's storage) is not: its
   * answer carries the {@code X-Linked-*} headers. {@code repoCommit} is the first {@code
   * X-Repo-Commit} seen on the way.
   */
  Head head(URI uri) throws IOException {
    URI current = uri;
    String repoCommit = null;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpResponse<Void> response =
          send(
              request(current).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.discarding());
      if (repoCommit == null) {
        repoCommit = response.headers().firstValue("X-Repo-Commit").orElse(null);
      }
      int status = response.statusCode();
      String location = response.headers().firstValue("Location").orElse(null);
      if (status < 300 || status >= 400 || location == null) {
        return new Head(response, repoCommit);
      }
      URI next = current.resolve(location);
      if (!sameOrigin(next, current)) {
        return new Head(response, repoCommit);
      }
      current = next;
    }
    throw new IOException(uri + ": more than " + MAX_REDIRECTS + " redirects");
  }

  /** The last answer to HEAD and the repo commit the hub named on the way (or null). */
  record Head(HttpResponse<Void> response, String repoCommit) {}

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

  /** GET of a small text document (a tree listing), following same-host redirects. */
  HttpResponse<String> getText(URI uri) throws IOException {
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpResponse<String> response =
          send(request(current).GET().build(), HttpResponse.BodyHandlers.ofString());
      String location = response.headers().firstValue("Location").orElse(null);
      int status = response.statusCode();
      if (status < 300 || status >= 400 || location == null) {
        return response;
      }
      URI next = current.resolve(location);
      if (!sameOrigin(next, current)) {
        return response;
      }
      current = next;
    }
    throw new IOException(uri + ": more than " + MAX_REDIRECTS + " redirects");
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(2))
            .header("User-Agent", "mmeb-eval");
    if (authorizes(uri)) {
      request.header("Authorization", "Bearer " + endpoint.token());
    }
    return request;
  }

  /** The token goes to the hub's own scheme, host and port only. */
  boolean authorizes(URI uri) {
    return endpoint.token() != null && sameOrigin(uri, URI.create(endpoint.base()));
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme())
        && Objects.equals(a.getHost(), b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
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
