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

  @Override
  public void close() {
    hub.close();
  }
}
