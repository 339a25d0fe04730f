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
  private final java.util.concurrent.ExecutorService pool =
      java.util.concurrent.Executors.newCachedThreadPool();
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final Map<String, Boolean> lfs = new ConcurrentHashMap<>();
  private final Map<String, java.util.Queue<Integer>> cutAfter = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> corrupt = new ConcurrentHashMap<>();
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  String requiredToken;

  /** The commit every repo is at: sent as X-Repo-Commit, accepted as a revision like main. */
  static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  /** Regular files answer 307 to /api/resolve-cache/…, as the real hub does since 2025. */
  boolean resolveCacheRedirects;

  /** Tree pages link to themselves as the next page. */
  boolean loopingTreeLinks;

  private final Map<String, String> renamed = new ConcurrentHashMap<>();
  private final Map<String, String[]> refusals = new ConcurrentHashMap<>();
  private final AtomicInteger treeRateLimited = new AtomicInteger();
  private final Map<String, Integer> stallAfter = new ConcurrentHashMap<>();
  private final java.util.concurrent.CountDownLatch released =
      new java.util.concurrent.CountDownLatch(1);

  private final java.util.Set<String> revisions =
      ConcurrentHashMap.newKeySet(); // filled in the constructor

  /** Resolve requests at this revision are served too (besides main and {@link #COMMIT}). */
  void acceptRevision(String revision) {
    revisions.add(revision);
  }

  /** Requests for {@code oldName} answer 307 to the same URL under {@code newName}. */
  void rename(String oldName, String newName) {
    renamed.put(oldName, newName);
  }

  /** Every request for the repo answers {@code status} with the hub's X-Error-Code. */
  void refuse(String repo, int status, String code, String message) {
    refusals.put(repo, new String[] {Integer.toString(status), code, message});
  }

  /** The next {@code times} tree requests answer 429 with Retry-After: 0 and a RateLimit. */
  void rateLimitTree(int times) {
    treeRateLimited.set(times);
  }

  /** The next content GET of the file sends {@code bytes} bytes, then nothing until closed. */
  void stallNextTransferAfter(String repo, String path, int bytes) {
    stallAfter.put(repo + "/" + path, bytes);
  }

  LoopbackHub() throws IOException {
    revisions.add("main");
    revisions.add(COMMIT);
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    hub = HttpServer.create(loopback, 0);
    storage = HttpServer.create(loopback, 0);
    hub.createContext("/", this::hub);
    storage.createContext("/", this::storage);
    // a stalled transfer holds its thread; the resumed request needs another
    hub.setExecutor(pool);
    storage.setExecutor(pool);
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
    cutAfter
        .computeIfAbsent(repo + "/" + path, k -> new java.util.concurrent.ConcurrentLinkedQueue<>())
        .add(bytes);
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
      String repoOf = repoOf(path);
      if (repoOf != null && renamed.containsKey(repoOf)) {
        String raw = exchange.getRequestURI().getRawPath();
        String moved = raw.replace("/" + repoOf + "/", "/" + renamed.get(repoOf) + "/");
        String query = exchange.getRequestURI().getRawQuery();
        exchange.getResponseHeaders().add("Location", moved + (query == null ? "" : "?" + query));
        exchange.sendResponseHeaders(307, -1);
        return;
      }
      if (repoOf != null && refusals.containsKey(repoOf)) {
        String[] refusal = refusals.get(repoOf);
        exchange.getResponseHeaders().add("X-Error-Code", refusal[1]);
        exchange.getResponseHeaders().add("X-Error-Message", refusal[2]);
        exchange.sendResponseHeaders(Integer.parseInt(refusal[0]), -1);
        return;
      }
      if (path.startsWith("/api/resolve-cache/datasets/")) {
        String[] parts = path.substring("/api/resolve-cache/datasets/".length()).split("/", 4);
        String key = parts[0] + "/" + parts[1] + "/" + parts[3];
        byte[] content = files.get(key);
        if (content == null || !parts[2].equals(COMMIT)) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        exchange.getResponseHeaders().add("ETag", "\"" + gitSha1(content) + "\"");
        exchange.getResponseHeaders().add("X-Repo-Commit", COMMIT);
        serve(exchange, key, content);
        return;
      }
      if (path.startsWith("/api/datasets/") && treeRateLimited.getAndDecrement() > 0) {
        exchange.getResponseHeaders().add("Retry-After", "0");
        exchange.getResponseHeaders().add("RateLimit", "\"api\";r=0;t=0");
        exchange.sendResponseHeaders(429, -1);
        return;
      }
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
      if (content == null || !revisions.contains(parts[4])) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().add("X-Repo-Commit", COMMIT);
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
      if (resolveCacheRedirects) {
        exchange
            .getResponseHeaders()
            .add(
                "Location",
                "/api/resolve-cache/datasets/"
                    + parts[1]
                    + "/"
                    + parts[2]
                    + "/"
                    + COMMIT
                    + "/"
                    + parts[5]);
        exchange.sendResponseHeaders(307, -1);
        return;
      }
      exchange.getResponseHeaders().add("ETag", "\"" + gitSha1(content) + "\"");
      serve(exchange, key, content);
    }
  }

  /** The {@code owner/name} a hub path is about, or null. */
  private static String repoOf(String path) {
    for (String prefix : List.of("/datasets/", "/api/datasets/", "/api/resolve-cache/datasets/")) {
      if (path.startsWith(prefix)) {
        String[] parts = path.substring(prefix.length()).split("/", 3);
        return parts.length >= 2 ? parts[0] + "/" + parts[1] : null;
      }
    }
    return null;
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
    java.util.Queue<Integer> cuts = cutAfter.get(key);
    Integer cut = cuts == null ? null : cuts.poll();
    Integer stall = stallAfter.remove(key);
    OutputStream out = exchange.getResponseBody();
    if (stall != null) {
      out.write(body, from, Math.min(stall, length));
      out.flush();
      try {
        released.await(60, java.util.concurrent.TimeUnit.SECONDS); // a stalled CDN
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("stalled on purpose");
    }
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
    if (loopingTreeLinks) {
      exchange.getResponseHeaders().add("Link", "<" + exchange.getRequestURI() + ">; rel=\"next\"");
    } else if (end < entries.size()) {
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
    released.countDown();
    hub.stop(0);
    storage.stop(0);
    pool.shutdownNow();
  }

  private static void pause() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
