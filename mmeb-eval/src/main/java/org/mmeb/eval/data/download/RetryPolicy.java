package org.mmeb.eval.data.download;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often to try a transfer again and how long to wait between tries (doubling, capped), unless
 * the hub says how long: a 429's {@code Retry-After} (seconds or an HTTP date) or the {@code t=} of
 * its {@code RateLimit} header (the hub's windows are 5 minutes; a wait the hub asks for is
 * honoured up to {@link #MAX_SERVER_WAIT}).
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
  static final Duration MAX_SERVER_WAIT = Duration.ofMinutes(6);
  private static final Pattern RATE_LIMIT_RESET = Pattern.compile("(?:^|;)\\s*t=(\\d+)");

  Duration delayBefore(int attempt) {
    long millis = firstDelay.toMillis() << Math.min(20, Math.max(0, attempt - 2));
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }

  void sleepBefore(int attempt) {
    sleep(delayBefore(attempt));
  }

  /** The wait the server asked for, if it did. */
  static Optional<Duration> serverDelay(HttpHeaders headers) {
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

  static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
