package org.mmeb.eval.data.download;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Aborts a body read that receives nothing for a while: the request timeout of Java's HTTP client
 * stops at the headers, so a transfer that stalls afterwards would otherwise wait forever. The
 * reading thread is interrupted and the body closed; the caller sees an IOException and resumes.
 */
final class InactivityWatchdog implements Closeable {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "download-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  private final Duration limit;
  private final Thread reader;
  private final InputStream body;
  private final ScheduledFuture<?> check;
  private volatile long lastProgress = System.nanoTime();
  private volatile boolean fired;

  InactivityWatchdog(Duration limit, InputStream body) {
    this.limit = limit;
    this.reader = Thread.currentThread();
    this.body = body;
    long period = Math.max(50, limit.toMillis() / 4);
    this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
  }

  void progress() {
    lastProgress = System.nanoTime();
  }

  boolean fired() {
    return fired;
  }

  private void check() {
    if (!fired && System.nanoTime() - lastProgress > limit.toNanos()) {
      fired = true;
      reader.interrupt();
      try {
        body.close();
      } catch (IOException ignored) {
        // the interrupt alone ends the read
      }
    }
  }

  @Override
  public void close() {
    check.cancel(false);
    if (fired) {
      Thread.interrupted(); // the interrupt was ours; do not leak it into the retry's sleep
    }
  }
}
