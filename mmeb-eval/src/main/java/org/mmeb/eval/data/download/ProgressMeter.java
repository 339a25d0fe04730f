package org.mmeb.eval.data.download;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints a file's transfer progress at most once a second, and a closing line. */
final class ProgressMeter {
  private static final long INTERVAL_NANOS = 1_000_000_000L;
  private final PrintWriter out;
  private final String name;
  private final long total;
  private final long start = System.nanoTime();
  private long lastPrint = start;

  ProgressMeter(PrintWriter out, String name, long total) {
    this.out = out;
    this.name = name;
    this.total = total;
  }

  void update(long done) {
    long now = System.nanoTime();
    if (now - lastPrint >= INTERVAL_NANOS) {
      lastPrint = now;
      out.printf(Locale.ROOT, "  %s: %s%n", name, amount(done));
      out.flush();
    }
  }

  String amount(long done) {
    if (total <= 0) {
      return megabytes(done);
    }
    return String.format(
        Locale.ROOT, "%s / %s (%.0f%%)", megabytes(done), megabytes(total), 100.0 * done / total);
  }

  double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
