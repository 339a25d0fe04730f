package org.mmeb.eval.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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
    List<HttpResponse<Void>> answers =
        sameOriginAnswers(
            uri,
            at -> request(at).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.discarding());
    String repoCommit =
        answers.stream()
            .flatMap(answer -> answer.headers().firstValue("X-Repo-Commit").stream())
            .findFirst()
            .orElse(null);
    return new Head(answers.get(answers.size() - 1), repoCommit);
  }

  /** The last answer to HEAD and the repo commit the hub named on the way (or null). */
  record Head(HttpResponse<Void> response, String repoCommit) {}

  /** GET, following redirects; {@code from} > 0 asks for the bytes from that offset on. */
  HttpResponse<InputStream> get(URI uri, long from) throws IOException {
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpResponse<InputStream> response =
          send(rangedGet(current, from), HttpResponse.BodyHandlers.ofInputStream());
      if (!isRedirect(response.statusCode())) {
        return response;
      }
      String location = requiredLocation(response, uri);
      response.body().close();
      current = current.resolve(location);
    }
    throw tooManyRedirects(uri);
  }

  private HttpRequest rangedGet(URI uri, long from) {
    HttpRequest.Builder request = request(uri).GET();
    if (from > 0) {
      request.header("Range", "bytes=" + from + "-");
    }
    return request.build();
  }

  private static String requiredLocation(HttpResponse<?> redirect, URI uri) throws IOException {
    return redirect
        .headers()
        .firstValue("Location")
        .orElseThrow(() -> new IOException(uri + ": redirect without a Location"));
  }

  /** GET of a small text document (a tree listing), following same-host redirects. */
  HttpResponse<String> getText(URI uri) throws IOException {
    List<HttpResponse<String>> answers =
        sameOriginAnswers(
            uri, at -> request(at).GET().build(), HttpResponse.BodyHandlers.ofString());
    return answers.get(answers.size() - 1);
  }

  /**
   * The answers to {@code request} at {@code uri} and at each redirect it follows, up to the first
   * that is not a redirect, has no {@code Location}, or points at another origin (scheme, host,
   * port): that one last.
   */
  private <T> List<HttpResponse<T>> sameOriginAnswers(
      URI uri, Function<URI, HttpRequest> request, HttpResponse.BodyHandler<T> body)
      throws IOException {
    List<HttpResponse<T>> answers = new ArrayList<>();
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpResponse<T> response = send(request.apply(current), body);
      answers.add(response);
      current = sameOriginRedirect(response, current);
      if (current == null) {
        return answers;
      }
    }
    throw tooManyRedirects(uri);
  }

  /** Where {@code answer} to a request at {@code at} redirects within its origin, or null. */
  private static URI sameOriginRedirect(HttpResponse<?> answer, URI at) {
    String location = answer.headers().firstValue("Location").orElse(null);
    if (!isRedirect(answer.statusCode()) || location == null) {
      return null;
    }
    URI next = at.resolve(location);
    return sameOrigin(next, at) ? next : null;
  }

  private static boolean isRedirect(int status) {
    return status >= 300 && status < 400;
  }

  private static IOException tooManyRedirects(URI uri) {
    return new IOException(uri + ": more than " + MAX_REDIRECTS + " redirects");
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
