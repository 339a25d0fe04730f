package org.mmeb.eval.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Flags a dataset whose hits the tie rule decided more than a small share of: real embeddings tie
 * at the top almost never (duplicate candidates aside), while constant or collapsed vectors tie
 * everywhere and, under the reference's rule, score 100.0 on every local task.
 */
public final class TiedHits {
  /** Above this share of hits decided by a tie, a dataset is flagged. */
  public static final double MAX_SHARE = 0.05;

  private TiedHits() {}

  public static Optional<String> flag(String task, int tiedAtTop, int hits) {
    if (hits == 0 || tiedAtTop <= MAX_SHARE * hits) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%s: %d of %d hits had the positive tied at the top (%.0f%%, above %.0f%%): the tie"
                + " rule, not the model, decided them (constant or collapsed vectors?)",
            task,
            tiedAtTop,
            hits,
            100.0 * tiedAtTop / hits,
            100 * MAX_SHARE));
  }

  /** The flag of a dataset read from a run (none when the run predates the count). */
  public static Optional<String> flag(DatasetResult d) {
    if (d.tiedAtTop() == null || d.outcomes() == null) {
      return Optional.empty();
    }
    return flag(d.task(), d.tiedAtTop(), hits(d));
  }

  /** Every flagged dataset of a run, one line each. */
  public static List<String> flags(RunRecord record) {
    List<String> lines = new ArrayList<>();
    record.datasets().forEach(d -> flag(d).ifPresent(lines::add));
    return lines;
  }

  static int hits(DatasetResult d) {
    int hits = 0;
    for (int rank : d.outcomes().firstPositiveRank()) {
      hits += rank == 1 ? 1 : 0;
    }
    return hits;
  }
}
