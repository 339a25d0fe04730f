package org.mmeb.eval.pipeline;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of one task's encoding: a redrawn bar with items/s and ETA on a terminal, a plain log
 * line every few seconds otherwise (CI logs stay readable).
 */
public final class Progress {
  private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;
  private static final long REDRAW_INTERVAL_NANOS = 200_000_000L;

  private final PrintWriter out;
  private final String label;
  private final long total;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private long done;
  private long lastPrintNanos = startNanos;

  public Progress(PrintWriter out, String label, long total, boolean terminal) {
    this.out = out;
    this.label = label;
    this.total = total;
    this.terminal = terminal;
  }

  public synchronized void advance(long items) {
    done += items;
    long now = System.nanoTime();
    long interval = terminal ? REDRAW_INTERVAL_NANOS : LOG_INTERVAL_NANOS;
    if (now - lastPrintNanos >= interval && done < total) {
      lastPrintNanos = now;
      print(now, false);
    }
  }

  public synchronized void finish() {
    if (total == 0) {
      out.println(label + ": nothing to encode (every item is in the cache)");
      out.flush();
      return;
    }
    print(System.nanoTime(), true);
  }

  private void print(long now, boolean last) {
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    double rate = done / seconds;
    String eta = rate > 0 ? formatSeconds((total - done) / rate) : "?";
    String stats =
        String.format(
            Locale.ROOT,
            "%d/%d items  %.1f items/s  %s %s",
            done,
            total,
            rate,
            last ? "took" : "ETA",
            last ? formatSeconds(seconds) : eta);
    if (terminal) {
      out.print("\r" + label + " " + bar() + " " + stats + (last ? "\n" : ""));
    } else {
      out.println(label + ": " + stats);
    }
    out.flush();
  }

  private String bar() {
    int width = 24;
    int filled = total == 0 ? width : (int) (width * done / total);
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
  }

  static String formatSeconds(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
