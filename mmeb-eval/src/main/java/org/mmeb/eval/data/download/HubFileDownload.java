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
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.mmeb.eval.GaveUp;
import org.mmeb.eval.Progress;
import org.mmeb.eval.RetryPolicy;

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

  /** No byte for this long aborts a transfer, which then resumes (the hub's CDN can stall). */
  public static final Duration DEFAULT_INACTIVITY = Duration.ofSeconds(60);

  private final HubEndpoint endpoint;
  private final HubHttp http;
  private final RetryPolicy retries;
  private final Duration inactivity;
  private final PrintWriter out;
  private final Map<String, String> pinned = new HashMap<>();

  public HubFileDownload(
      HubEndpoint endpoint, RetryPolicy retries, Duration inactivity, PrintWriter out) {
    this.endpoint = endpoint;
    this.http = new HubHttp(endpoint);
    this.retries = retries;
    this.inactivity = inactivity;
    this.out = out;
  }

  /**
   * Every file of a repo comes from one commit: the first {@code X-Repo-Commit} the hub names for
   * the repo and revision pins the rest, so a push during a long download cannot mix versions.
   */
  private String revisionOf(RemoteFile file) {
    return pinned.getOrDefault(file.repo() + "@" + file.revision(), file.revision());
  }

  public Outcome fetch(RemoteFile file) throws IOException {
    URI uri = endpoint.resolveUrl(file.repo(), revisionOf(file), file.path());
    HubFileProbe.RemoteInfo info = new HubFileProbe(endpoint, http, retries).probe(file, uri);
    if (pin(file, info.repoCommit())) {
      uri = endpoint.resolveUrl(file.repo(), revisionOf(file), file.path());
    }
    if (Files.isRegularFile(file.target()) && upToDate(file.target(), info)) {
      return new Outcome(file, Status.UP_TO_DATE, Files.size(file.target()), info.checksum());
    }
    return download(file, new Transfer(file, uri, info));
  }

  /** Pins the repo's revision to {@code commit} unless one is pinned; false for no commit. */
  private boolean pin(RemoteFile file, String commit) {
    if (commit == null || !commit.matches("[0-9a-f]{40}")) {
      return false;
    }
    pinned.putIfAbsent(file.repo() + "@" + file.revision(), commit);
    return true;
  }

  private Outcome download(RemoteFile file, Transfer transfer) throws IOException {
    try {
      return retries.run(transfer::attempt, transfer);
    } catch (RetryPolicy.Exhausted e) {
      throw new GaveUp(
          file.describe()
              + ": failed after "
              + e.attempts()
              + " attempts: "
              + e.last().getMessage(),
          e.last());
    }
  }

  /**
   * One file's tries: each appends to {@code <target>.part}; a try that moved bytes before it
   * failed restarts the count.
   */
  private final class Transfer implements RetryPolicy.Observer {
    private final RemoteFile file;
    private final URI uri;
    private final HubFileProbe.RemoteInfo info;
    private final Path part;
    private boolean resumed;
    private long partSizeBefore;

    Transfer(RemoteFile file, URI uri, HubFileProbe.RemoteInfo info) throws IOException {
      this.file = file;
      this.uri = uri;
      this.info = info;
      this.part = file.target().resolveSibling(file.target().getFileName() + ".part");
      Files.createDirectories(part.toAbsolutePath().getParent());
      this.resumed = partSize() > 0;
    }

    Outcome attempt() throws IOException {
      partSizeBefore = partSize();
      resumed |= transfer(file, uri, part, info.size());
      checkPart();
      Files.move(
          part, file.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Outcome(
          file,
          resumed ? Status.RESUMED : Status.DOWNLOADED,
          Files.size(file.target()),
          info.checksum());
    }

    /** The part file has the hub's size and checksum; a wrong checksum deletes it. */
    private void checkPart() throws IOException {
      if (info.size() >= 0 && Files.size(part) != info.size()) {
        throw new IOException("incomplete: " + Files.size(part) + " of " + info.size() + " bytes");
      }
      String actual = info.checksum().hashOf(part);
      if (actual != null && !actual.equals(info.checksum().hex())) {
        Files.delete(part);
        throw new IOException(
            "checksum mismatch: expected " + info.checksum().describe() + ", got " + actual);
      }
    }

    @Override
    public void failed(IOException failure, int attempt) {
      out.printf(
          Locale.ROOT,
          "  %s: %s (attempt %d of %d)%n",
          file.path(),
          failure.getMessage(),
          attempt,
          retries.attempts());
      out.flush();
    }

    @Override
    public boolean progressed() {
      try {
        return partSize() > partSizeBefore;
      } catch (IOException e) {
        return false;
      }
    }

    private long partSize() throws IOException {
      return Files.isRegularFile(part) ? Files.size(part) : 0;
    }
  }

  private boolean upToDate(Path target, HubFileProbe.RemoteInfo info) throws IOException {
    if (info.size() >= 0 && Files.size(target) != info.size()) {
      return false;
    }
    String actual = info.checksum().hashOf(target);
    return actual == null ? info.size() >= 0 : actual.equals(info.checksum().hex());
  }

  /** Appends the missing bytes to the part file; true when it went on from earlier bytes. */
  private boolean transfer(RemoteFile file, URI uri, Path part, long size) throws IOException {
    long have = bytesToKeep(part, size);
    if (size >= 0 && have == size && have > 0) {
      return true;
    }
    HttpResponse<InputStream> response = http.get(uri, have);
    try (InputStream body = response.body()) {
      checkAnswer(file, part, response);
      boolean append = response.statusCode() == 206 && have > 0;
      receive(file, body, part, append ? have : 0, size);
      return append;
    }
  }

  /** The part file's bytes worth keeping: none when it is longer than the file. */
  private static long bytesToKeep(Path part, long size) throws IOException {
    long have = Files.isRegularFile(part) ? Files.size(part) : 0;
    if (size >= 0 && have > size) {
      Files.delete(part);
      return 0;
    }
    return have;
  }

  /** Throws unless the answer carries the file's bytes (200, or 206 for a range). */
  private static void checkAnswer(RemoteFile file, Path part, HttpResponse<InputStream> response)
      throws IOException {
    int status = response.statusCode();
    if (status == 416) {
      Files.deleteIfExists(part);
      throw new IOException("HTTP 416: the partial file did not fit; starting over");
    }
    if (status >= 500 || status == 429) {
      throw new RetryPolicy.ServerBusy("HTTP " + status, response.headers());
    }
    HubErrors.refuse(file.describe(), file.repo(), status, response.headers());
  }

  /** Writes the body to the part file, appending from {@code start} when it is not 0. */
  private void receive(RemoteFile file, InputStream body, Path part, long start, long size)
      throws IOException {
    if (start > 0) {
      out.printf(Locale.ROOT, "  %s: resuming at %s%n", file.path(), Progress.megabytes(start));
    }
    copy(body, part, start, Progress.bytes(out, "  " + file.path(), start, size));
  }

  private void copy(InputStream body, Path part, long start, Progress progress) throws IOException {
    try (OutputStream sink = openPart(part, start > 0);
        InactivityWatchdog watchdog = new InactivityWatchdog(inactivity, body)) {
      try {
        pump(body, sink, watchdog, progress);
      } catch (IOException e) {
        throw watchdog.fired() ? stalled(e) : e;
      }
      if (watchdog.fired()) {
        throw stalled(null);
      }
    }
  }

  private static OutputStream openPart(Path part, boolean append) throws IOException {
    StandardOpenOption mode =
        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
    return Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
  }

  /** Copies every byte, telling the watchdog and the progress line as they arrive. */
  private static void pump(
      InputStream body, OutputStream sink, InactivityWatchdog watchdog, Progress progress)
      throws IOException {
    byte[] buffer = new byte[1 << 16];
    for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
      watchdog.progress();
      sink.write(buffer, 0, n);
      sink.flush();
      progress.advance(n);
    }
  }

  private IOException stalled(IOException cause) {
    return new IOException("no bytes for " + inactivity.toSeconds() + " s; resuming", cause);
  }
}
