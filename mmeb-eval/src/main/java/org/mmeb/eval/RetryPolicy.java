package org.mmeb.eval;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often to try a call again and how long to wait between tries, for every network call of the
 * harness (hub downloads, the HTTP encoder): {@code attempts} in all, waits doubling from {@code
 * firstDelay} up to {@code maxDelay}, unless the server said how long: a 429's {@code Retry-After}
 * (seconds or an HTTP date) or the {@code t=} of its {@code RateLimit} header (the hub's windows
 * are 5 minutes; a wait the server asks for is honoured up to {@link #MAX_SERVER_WAIT}).
 *
 * <p>An interrupt ends the tries at once: the thread stays interrupted and {@link #run} throws
 * {@link InterruptedIOException}.
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
  public static final Duration MAX_SERVER_WAIT = Duration.ofMinutes(6);
  private static final Pattern RATE_LIMIT_RESET = Pattern.compile("(?:^|;)\\s*t=(\\d+)");

  /** One try of a call. An IOException is a failure worth another try; anything else ends it. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run() throws IOException;
  }

  /** Told of each failed try, before the wait. */
  public interface Observer {
    void failed(IOException failure, int attempt);

    /** Whether the failed try still moved bytes: the connection works, so the count restarts. */
    default boolean progressed() {
      return false;
    }
  }

  /** A failure after which the server may have said how long to wait. */
  public static final class ServerBusy extends IOException {
    private final transient Optional<Duration> asked;

    public ServerBusy(String message, HttpHeaders headers) {
      super(message);
      this.asked = serverDelay(headers);
    }
  }

  /** Every try failed; {@link #last} is the last failure. */
  public static final class Exhausted extends Exception {
    private final int attempts;

    Exhausted(int attempts, IOException last) {
      super("gave up after " + attempts + " attempts: " + last.getMessage(), last);
      this.attempts = attempts;
    }

    public int attempts() {
      return attempts;
    }

    public IOException last() {
      return (IOException) getCause();
    }
  }

  /** Runs tries until one returns; a failed try is followed by a wait, then the next try. */
  public <T> T run(Attempt<T> attempt) throws Exhausted, InterruptedIOException {
    return run(attempt, (failure, number) -> {});
  }

  /** As {@link #run(Attempt)}, telling {@code observer} of each failed try. */
  public <T> T run(Attempt<T> attempt, Observer observer) throws Exhausted, InterruptedIOException {
    return run(attempt, observer, null);
  }

  /**
   * As {@link #run(Attempt)}, but the tries also end when the next would start after {@code
   * deadlineNanos} ({@link System#nanoTime}); {@link Exhausted#attempts} then counts the tries
   * made.
   */
  public <T> T runUntil(long deadlineNanos, Attempt<T> attempt)
      throws Exhausted, InterruptedIOException {
    return run(attempt, (failure, number) -> {}, deadlineNanos);
  }

  private <T> T run(Attempt<T> attempt, Observer observer, Long deadlineNanos)
      throws Exhausted, InterruptedIOException {
    IOException last = null;
    for (int number = 1; number <= attempts; number++) {
      waitBeforeTry(number, last, deadlineNanos);
      try {
        return attempt.run();
      } catch (IOException e) {
        last = e;
        number = afterFailure(e, number, observer);
      }
    }
    throw new Exhausted(attempts, last);
  }

  /** Sleeps before every try but the first; past the deadline, gives up instead. */
  private void waitBeforeTry(int number, IOException last, Long deadlineNanos)
      throws Exhausted, InterruptedIOException {
    if (number == 1) {
      return;
    }
    Duration wait = waitBefore(number, last);
    if (deadlineNanos != null && deadlineNanos - System.nanoTime() < wait.toNanos()) {
      throw new Exhausted(number - 1, last);
    }
    sleep(wait);
  }

  /** Tells the observer; returns the try's number, or 0 when it moved bytes (a fresh count). */
  private static int afterFailure(IOException failure, int number, Observer observer)
      throws InterruptedIOException {
    stopIfInterrupted(failure);
    observer.failed(failure, number);
    return observer.progressed() ? 0 : number;
  }

  /** The wait before try {@code number} (2 or later) when the server did not say. */
  Duration delayBefore(int number) {
    long millis = firstDelay.toMillis() << Math.min(20, Math.max(0, number - 2));
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }

  private Duration waitBefore(int number, IOException last) {
    if (last instanceof ServerBusy busy && busy.asked.isPresent()) {
      return busy.asked.get();
    }
    return delayBefore(number);
  }

  /** The wait the server asked for, if it did, at most {@link #MAX_SERVER_WAIT}. */
  public static Optional<Duration> serverDelay(HttpHeaders headers) {
    Optional<Duration> asked =
        headers
            .firstValue("Retry-After")
            .flatMap(RetryPolicy::retryAfter)
            .or(() -> headers.firstValue("RateLimit").flatMap(RetryPolicy::rateLimitReset));
    return asked.map(d -> d.compareTo(MAX_SERVER_WAIT) > 0 ? MAX_SERVER_WAIT : d);
  }

  private static Optional<Duration> retryAfter(String value) {
    String v = value.strip();
    if (v.matches("\\d+")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration left = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return Optional.of(left.isNegative() ? Duration.ZERO : left);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code RateLimit: "api";r=0;t=55}: t is the seconds until the window resets. */
  private static Optional<Duration> rateLimitReset(String value) {
    Matcher m = RATE_LIMIT_RESET.matcher(value);
    return m.find()
        ? Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1))))
        : Optional.empty();
  }

  private static void stopIfInterrupted(IOException failure) throws InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) {
      InterruptedIOException stop = new InterruptedIOException("interrupted");
      stop.initCause(failure);
      throw stop;
    }
  }

  private static void sleep(Duration wait) throws InterruptedIOException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException stop =
          new InterruptedIOException("interrupted while waiting to retry");
      stop.initCause(e);
      throw stop;
    }
  }
}
