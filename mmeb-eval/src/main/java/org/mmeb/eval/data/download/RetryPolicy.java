package org.mmeb.eval.data.download;

import java.time.Duration;

/** How often to try a transfer again and how long to wait between tries (doubling, capped). */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

  Duration delayBefore(int attempt) {
    long millis = firstDelay.toMillis() << Math.min(20, Math.max(0, attempt - 2));
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }

  void sleepBefore(int attempt) {
    try {
      Thread.sleep(delayBefore(attempt).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
