package org.mmeb.eval.data.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback that answers like the Hugging Face hub: {@code
 * /datasets/{repo}/resolve/{rev}/{path}} (LFS files redirect to a second "storage" server with
 * {@code X-Linked-Etag} = sha256 and {@code X-Linked-Size}; regular files answer with their git
 * blob sha1 as ETag), {@code /api/datasets/{repo}/tree/{rev}?recursive=true} (paged, two entries a
 * page), Range requests on content. It can cut a transfer short or serve corrupt bytes on demand.
 */
final class LoopbackHub implements AutoCloseable {
  record Request(String server, String method, String path, String range, String authorization) {}

  private final HttpServer hub;
  private final HttpServer storage;
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final Map<String, Boolean> lfs = new ConcurrentHashMap<>();
  private final Map<String, Integer> cutAfter = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> corrupt = new ConcurrentHashMap<>();
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  String requiredToken;

  LoopbackHub() throws IOException {
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    hub = HttpServer.create(loopback, 0);
    storage = HttpServer.create(loopback, 0);
    hub.createContext("/", this::hub);
    storage.createContext("/", this::storage);
    hub.start();
    storage.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + hub.getAddress().getPort();
  }

  /** Adds a file of a repo at revision main; {@code inLfs} decides how the hub describes it. */
  void put(String repo, String path, byte[] content, boolean inLfs) {
    files.put(repo + "/" + path, content);
    lfs.put(repo + "/" + path, inLfs);
  }

  /** The next content GET of the file stops after {@code bytes} bytes. */
  void cutNextTransferAfter(String repo, String path, int bytes) {
    cutAfter.put(repo + "/" + path, bytes);
  }

  /** The next {@code times} content GETs of the file serve one flipped byte. */
  void corrupt(String repo, String path, int times) {
    corrupt.put(repo + "/" + path, new AtomicInteger(times));
  }

  List<Request> requests(String method) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.method().equals(method)).toList();
    }
  }

  static String sha256(byte[] content) {
    return digest("SHA-256", new byte[0], content);
  }

  static String gitSha1(byte[] content) {
    return digest(
        "SHA-1", ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII), content);
  }

  private static String digest(String algorithm, byte[] prefix, byte[] content) {
    try {
      MessageDigest d = MessageDigest.getInstance(algorithm);
      d.update(prefix);
      return HexFormat.of().formatHex(d.digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void record(String server, HttpExchange exchange) {
    var h = exchange.getRequestHeaders();
    requests.add(
        new Request(
            server,
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            h.getFirst("Range"),
            h.getFirst("Authorization")));
  }

  private void hub(HttpExchange exchange) throws IOException {
    record("hub", exchange);
    try (exchange) {
      if (requiredToken != null
          && !("Bearer " + requiredToken)
              .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      String path =
          URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
      if (path.startsWith("/api/datasets/")) {
        tree(exchange, path.substring("/api/datasets/".length()));
        return;
      }
      String[] parts = path.substring(1).split("/", 6);
      if (parts.length < 6 || !parts[0].equals("datasets") || !parts[3].equals("resolve")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String key = parts[1] + "/" + parts[2] + "/" + parts[5];
      byte[] content = files.get(key);
      if (content == null || !parts[4].equals("main")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (lfs.get(key)) {
        exchange.getResponseHeaders().add("X-Linked-Etag", "\"" + sha256(content) + "\"");
        exchange.getResponseHeaders().add("X-Linked-Size", Long.toString(content.length));
        exchange
            .getResponseHeaders()
            .add(
                "Location", "http://127.0.0.1:" + storage.getAddress().getPort() + "/blobs/" + key);
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      exchange.getResponseHeaders().add("ETag", "\"" + gitSha1(content) + "\"");
      serve(exchange, key, content);
    }
  }

  private void storage(HttpExchange exchange) throws IOException {
    record("storage", exchange);
    try (exchange) {
      String key = exchange.getRequestURI().getPath().substring("/blobs/".length());
      byte[] content = files.get(key);
      if (content == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      serve(exchange, key, content);
    }
  }

  private void serve(HttpExchange exchange, String key, byte[] content) throws IOException {
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    byte[] body = content.clone();
    AtomicInteger corruptions = corrupt.get(key);
    if (corruptions != null && corruptions.getAndDecrement() > 0) {
      body[body.length / 2] ^= 0x5A;
    }
    int from = 0;
    String range = exchange.getRequestHeaders().getFirst("Range");
    if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
      from = Integer.parseInt(range.substring(6, range.length() - 1));
      if (from >= body.length) {
        exchange.sendResponseHeaders(416, -1);
        return;
      }
      exchange
          .getResponseHeaders()
          .add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
    }
    int length = body.length - from;
    exchange.sendResponseHeaders(from > 0 ? 206 : 200, length);
    Integer cut = cutAfter.remove(key);
    OutputStream out = exchange.getResponseBody();
    if (cut != null) {
      out.write(body, from, Math.min(cut, length));
      out.flush();
      pause(); // let the client read what was sent before the connection is torn down
      // the client sees the connection end before Content-Length bytes arrived
      throw new IOException("cut short on purpose");
    }
    out.write(body, from, length);
  }

  private void tree(HttpExchange exchange, String rest) throws IOException {
    String[] parts = rest.split("/", 5);
    String repo = parts[0] + "/" + parts[1];
    List<String> entries = new ArrayList<>();
    for (var e : files.entrySet()) {
      if (e.getKey().startsWith(repo + "/")) {
        String path = e.getKey().substring(repo.length() + 1);
        String lfsField =
            lfs.get(e.getKey())
                ? ",\"lfs\":{\"oid\":\""
                    + sha256(e.getValue())
                    + "\",\"size\":"
                    + e.getValue().length
                    + "}"
                : "";
        entries.add(
            "{\"type\":\"file\",\"path\":\""
                + path
                + "\",\"size\":"
                + e.getValue().length
                + lfsField
                + "}");
      }
    }
    String query = exchange.getRequestURI().getQuery();
    int cursor =
        query != null && query.contains("cursor=")
            ? Integer.parseInt(query.replaceAll(".*cursor=(\\d+).*", "$1"))
            : 0;
    int end = Math.min(entries.size(), cursor + 2);
    if (end < entries.size()) {
      exchange
          .getResponseHeaders()
          .add(
              "Link",
              "<"
                  + exchange.getRequestURI().getPath()
                  + "?recursive=true&cursor="
                  + end
                  + ">; rel=\"next\"");
    }
    List<String> page = new ArrayList<>(entries.subList(cursor, end));
    page.add("{\"type\":\"directory\",\"path\":\"x\"}");
    byte[] json = ("[" + String.join(",", page) + "]").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, json.length);
    exchange.getResponseBody().write(json);
  }

  @Override
  public void close() {
    hub.stop(0);
    storage.stop(0);
  }

  private static void pause() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
