package org.mmeb.eval;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The one progress printer (a task's encoding, a file's download): done and total, rate and ETA. On
 * a terminal a bar redrawn in place; otherwise a plain line at most every few seconds, so CI logs
 * stay readable.
 */
public final class Progress {
  private static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;
  private static final long ENCODING_LOG_INTERVAL_NANOS = 5_000_000_000L;
  private static final long DOWNLOAD_LOG_INTERVAL_NANOS = 1_000_000_000L;
  private static final int BAR_WIDTH = 24;

  /** What is counted, and how an amount of it is written. */
  private enum Unit {
    ITEMS("items", 1),
    BYTES("MB", 1e6);

    final String word;
    final double scale;

    Unit(String word, double scale) {
      this.word = word;
      this.scale = scale;
    }

    String amount(long n) {
      return this == ITEMS ? Long.toString(n) : String.format(Locale.ROOT, "%.1f", n / scale);
    }
  }

  private final PrintWriter out;
  private final String label;
  private final long total;
  private final Unit unit;
  private final boolean terminal;
  private final long interval;
  private final long startNanos = System.nanoTime();
  private final long startAmount;
  private long done;
  private long lastPrintNanos = startNanos;

  private Progress(
      PrintWriter out, String label, long total, Unit unit, boolean terminal, long startAmount) {
    this.out = out;
    this.label = label;
    this.total = total;
    this.unit = unit;
    this.terminal = terminal;
    this.interval =
        terminal
            ? TERMINAL_INTERVAL_NANOS
            : unit == Unit.ITEMS ? ENCODING_LOG_INTERVAL_NANOS : DOWNLOAD_LOG_INTERVAL_NANOS;
    this.startAmount = startAmount;
    this.done = startAmount;
  }

  /** Items to encode: a bar on a terminal, else a line every 5 s. */
  public static Progress items(PrintWriter out, String label, long total, boolean terminal) {
    return new Progress(out, label, total, Unit.ITEMS, terminal, 0);
  }

  /**
   * Bytes of a transfer that starts at {@code start} (a resumed file) of {@code total} (negative
   * when unknown): a line every second.
   */
  public static Progress bytes(PrintWriter out, String label, long start, long total) {
    return new Progress(out, label, total, Unit.BYTES, false, start);
  }

  public synchronized void advance(long amount) {
    update(done + amount);
  }

  /** Sets how much is done so far, printing when the last line is old enough. */
  public synchronized void update(long doneSoFar) {
    done = doneSoFar;
    long now = System.nanoTime();
    if (now - lastPrintNanos >= interval && (total < 0 || done < total)) {
      lastPrintNanos = now;
      print(now, false);
    }
  }

  /** The closing line, or {@code label: nothingDone} when there was nothing to do. */
  public synchronized void finish(String nothingDone) {
    if (total == 0) {
      out.println(label + ": " + nothingDone);
      out.flush();
      return;
    }
    print(System.nanoTime(), true);
  }

  private void print(long now, boolean last) {
    String stats = stats(now, last);
    if (terminal) {
      out.print("\r" + label + " " + bar() + " " + stats + (last ? "\n" : ""));
    } else {
      out.println(label + ": " + stats);
    }
    out.flush();
  }

  /** {@code done/total unit rate unit/s}, then the ETA, or the time taken on the last line. */
  private String stats(long now, boolean last) {
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    double rate = (done - startAmount) / seconds;
    return String.format(
        Locale.ROOT,
        "%s %s  %.1f %s/s%s",
        total < 0 ? unit.amount(done) : unit.amount(done) + "/" + unit.amount(total),
        unit.word,
        rate / unit.scale,
        unit.word,
        last ? "  took " + formatSeconds(seconds) : eta(rate));
  }

  private String eta(double rate) {
    if (total < 0) {
      return "";
    }
    return "  ETA " + (rate > 0 ? formatSeconds((total - done) / rate) : "?");
  }

  private String bar() {
    int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * done / total);
    return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
  }

  static String formatSeconds(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }

  /** {@code 12.3 MB}. */
  public static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
