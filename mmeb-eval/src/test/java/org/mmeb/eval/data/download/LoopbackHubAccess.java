package org.mmeb.eval.data.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@link LoopbackHub} for tests in other packages. */
public final class LoopbackHubAccess implements AutoCloseable {
  private final LoopbackHub hub;

  public LoopbackHubAccess() throws IOException {
    hub = new LoopbackHub();
  }

  public String endpoint() {
    return hub.endpoint();
  }

  /** An LFS file with the bytes of a local file. */
  public void put(String repo, String path, Path content) throws IOException {
    hub.put(repo, path, Files.readAllBytes(content), true);
  }

  /** A regular (non-LFS) text file. */
  public void putText(String repo, String path, String text) {
    hub.put(repo, path, text.getBytes(StandardCharsets.UTF_8), false);
  }

  /** Bytes as an LFS file. */
  public void putBytes(String repo, String path, byte[] content) {
    hub.put(repo, path, content, true);
  }

  /** Every request for the repo answers {@code status} with the hub's X-Error-Code. */
  public void refuse(String repo, int status, String code, String message) {
    hub.refuse(repo, status, code, message);
  }

  /** The next {@code times} content GETs of the file serve one flipped byte. */
  public void corrupt(String repo, String path, int times) {
    hub.corrupt(repo, path, times);
  }

  public void acceptRevision(String revision) {
    hub.acceptRevision(revision);
  }

  /** Regular files answer 307 to /api/resolve-cache/…. */
  public void redirectRegularFiles() {
    hub.resolveCacheRedirects = true;
  }

  /** The paths of every request the hub and its storage saw. */
  public java.util.List<String> requestPaths() {
    synchronized (hub.requests) {
      return hub.requests.stream().map(LoopbackHub.Request::path).toList();
    }
  }

  @Override
  public void close() {
    hub.close();
  }
}
