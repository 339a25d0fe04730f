package org.mmeb.eval.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Locale;
import org.mmeb.eval.UserError;

/**
 * Fetches one hub file resumably: bytes go to {@code <target>.part}, an interrupted transfer goes
 * on with a Range request from the part's length, failures are retried with backoff, the finished
 * file is checked against the hub's checksum before it is moved into place.
 */
public final class HubFileDownload {
  /** How a file ended up in place. */
  public enum Status {
    DOWNLOADED,
    RESUMED,
    UP_TO_DATE
  }

  public record Outcome(RemoteFile file, Status status, long bytes, ExpectedChecksum checksum) {}

  private final HubEndpoint endpoint;
  private final HubHttp http;
  private final RetryPolicy retries;
  private final PrintWriter out;

  public HubFileDownload(HubEndpoint endpoint, RetryPolicy retries, PrintWriter out) {
    this.endpoint = endpoint;
    this.http = new HubHttp(endpoint);
    this.retries = retries;
    this.out = out;
  }

  public Outcome fetch(RemoteFile file) throws IOException {
    URI uri = endpoint.resolveUrl(file.repo(), file.revision(), file.path());
    RemoteInfo info = remoteInfo(file, uri);
    if (Files.isRegularFile(file.target()) && upToDate(file.target(), info)) {
      return new Outcome(file, Status.UP_TO_DATE, Files.size(file.target()), info.checksum());
    }
    Path part = file.target().resolveSibling(file.target().getFileName() + ".part");
    Files.createDirectories(part.toAbsolutePath().getParent());
    boolean resumed = Files.isRegularFile(part) && Files.size(part) > 0;
    IOException last = null;
    for (int attempt = 1; attempt <= retries.attempts(); attempt++) {
      if (attempt > 1) {
        retries.sleepBefore(attempt);
      }
      try {
        resumed |= transfer(file, uri, part, info.size());
        if (info.size() >= 0 && Files.size(part) != info.size()) {
          throw new IOException(
              "incomplete: " + Files.size(part) + " of " + info.size() + " bytes");
        }
        String actual = digest(part, info.checksum());
        if (actual != null && !actual.equals(info.checksum().hex())) {
          Files.delete(part);
          last =
              new IOException(
                  "checksum mismatch: expected " + info.checksum().describe() + ", got " + actual);
          out.printf(
              Locale.ROOT,
              "  %s: %s (attempt %d of %d)%n",
              file.path(),
              last.getMessage(),
              attempt,
              retries.attempts());
          continue;
        }
        Files.move(
            part,
            file.target(),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        return new Outcome(
            file,
            resumed ? Status.RESUMED : Status.DOWNLOADED,
            Files.size(file.target()),
            info.checksum());
      } catch (IOException e) {
        last = e;
        out.printf(
            Locale.ROOT,
            "  %s: %s (attempt %d of %d)%n",
            file.path(),
            e.getMessage(),
            attempt,
            retries.attempts());
        out.flush();
      }
    }
    throw new UserError(
        file.describe()
            + ": failed after "
            + retries.attempts()
            + " attempts: "
            + last.getMessage(),
        last);
  }

  /** What the hub says about the file before any byte moves. */
  record RemoteInfo(long size, ExpectedChecksum checksum) {}

  private RemoteInfo remoteInfo(RemoteFile file, URI uri) throws IOException {
    IOException last = null;
    for (int attempt = 1; attempt <= retries.attempts(); attempt++) {
      if (attempt > 1) {
        retries.sleepBefore(attempt);
      }
      try {
        HttpResponse<Void> head = http.head(uri);
        int status = head.statusCode();
        if (status >= 500 || status == 429) {
          last = new IOException("HTTP " + status);
          continue;
        }
        refuse(file, status);
        var headers = head.headers();
        ExpectedChecksum checksum =
            ExpectedChecksum.fromEtag(
                headers
                    .firstValue("X-Linked-Etag")
                    .or(() -> headers.firstValue("ETag"))
                    .orElse(null));
        if (checksum.kind() == ExpectedChecksum.Kind.NONE) {
          checksum = file.knownChecksum();
        }
        long size =
            headers
                .firstValueAsLong("X-Linked-Size")
                .orElse(status == 200 ? headers.firstValueAsLong("Content-Length").orElse(-1) : -1);
        return new RemoteInfo(size, checksum);
      } catch (IOException e) {
        last = e;
      }
    }
    throw new UserError(
        file.describe() + ": hub not reachable at " + endpoint.base() + ": " + last.getMessage(),
        last);
  }

  private static void refuse(RemoteFile file, int status) {
    if (status == 401 || status == 403) {
      throw new UserError(
          file.describe()
              + ": access denied (HTTP "
              + status
              + "); set HF_TOKEN to a token that can read it");
    }
    if (status == 404) {
      throw new UserError(file.describe() + ": not found on the hub (HTTP 404)");
    }
    if (status >= 400) {
      throw new UserError(file.describe() + ": the hub answered HTTP " + status);
    }
  }

  private boolean upToDate(Path target, RemoteInfo info) throws IOException {
    if (info.size() >= 0 && Files.size(target) != info.size()) {
      return false;
    }
    String actual = digest(target, info.checksum());
    return actual == null ? info.size() >= 0 : actual.equals(info.checksum().hex());
  }

  /** Appends the missing bytes to the part file; true when it went on from earlier bytes. */
  private boolean transfer(RemoteFile file, URI uri, Path part, long size) throws IOException {
    long have = Files.isRegularFile(part) ? Files.size(part) : 0;
    if (size >= 0 && have > size) {
      Files.delete(part);
      have = 0;
    }
    if (size >= 0 && have == size && have > 0) {
      return true;
    }
    HttpResponse<InputStream> response = http.get(uri, have);
    int status = response.statusCode();
    try (InputStream body = response.body()) {
      if (status == 416) {
        Files.deleteIfExists(part);
        throw new IOException("HTTP 416: the partial file did not fit; starting over");
      }
      if (status >= 500 || status == 429) {
        throw new IOException("HTTP " + status);
      }
      refuse(file, status);
      boolean append = status == 206 && have > 0;
      if (append) {
        out.printf(
            Locale.ROOT, "  %s: resuming at %s%n", file.path(), ProgressMeter.megabytes(have));
      }
      copy(body, part, append ? have : 0, append, new ProgressMeter(out, file.path(), size));
      return append;
    }
  }

  private static void copy(
      InputStream body, Path part, long start, boolean append, ProgressMeter meter)
      throws IOException {
    StandardOpenOption mode =
        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
    try (OutputStream sink =
        Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
      byte[] buffer = new byte[1 << 16];
      long done = start;
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        sink.write(buffer, 0, n);
        done += n;
        meter.update(done);
      }
    }
  }

  /** The file's hash in the checksum's kind, or null when there is no checksum. */
  private static String digest(Path file, ExpectedChecksum checksum) throws IOException {
    if (checksum.kind() == ExpectedChecksum.Kind.NONE) {
      return null;
    }
    MessageDigest digest = checksum.newDigest(Files.size(file));
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return ExpectedChecksum.hex(digest);
  }
}
