package org.mmeb.eval.score;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.RankingTask;
import org.mmeb.eval.task.TaskSpec;

/**
 * Gets the fast kernel ({@link FloatDots#best}) compiled before a run's first task scores. Vector
 * API code runs interpreted until C2 compiles it, about a thousand times slower: a cold JVM's first
 * V1-sized task paid ~2 CPU-s for it. A background thread packs and multiplies small blocks (every
 * kernel shape: full and partial panels, fourteen, six and one rows; and the one-query dots) until
 * C2 has compiled them, while the run reads and embeds its first task. Small blocks reach C2's
 * thresholds with far fewer interpreted operations than a real task's: the warm-up costs ~0.3 CPU-s
 * once per JVM, and a cold run's first V1-sized task scores in ~0.2-0.8 s instead of ~2 s.
 */
public final class KernelWarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /** Query rows per block: one group of fourteen, one of six, one single row. */
  private static final int ROWS = 21;

  /**
   * Candidates per block: full panels and a partial one with 256- or 512-bit vectors; for the
   * one-query dots, groups of four and a single one.
   */
  private static final int CANDIDATES = 41;

  /** Dimensions: short loops, so that each call costs little before it is compiled. */
  private static final int DIMS = 16;

  private static final int PASSES = 2500;

  /**
   * Pairs from which a task is worth the warm-up: a V1 task ranks a million, the demo's tasks at
   * most a few thousand.
   */
  static final long WORTH_PAIRS = 100_000;

  private KernelWarmUp() {}

  /**
   * Starts the warm-up when one of the run's tasks declares {@link #WORTH_PAIRS} pairs or more (its
   * expected queries times candidates per query), before any is read.
   */
  public static void startForAny(List<TaskSpec> specs) {
    if (specs.stream().anyMatch(spec -> declaredPairs(spec) >= WORTH_PAIRS)) {
      startInBackground();
    }
  }

  /**
   * Starts the warm-up when a task just read ranks {@link #WORTH_PAIRS} pairs or more: for tasks
   * that do not declare their candidates per query (global ones).
   */
  public static void startFor(RankingTask task) {
    if (pairs(task) >= WORTH_PAIRS) {
      startInBackground();
    }
  }

  /** The pairs a task declares it ranks, 0 when it does not say. */
  static long declaredPairs(TaskSpec spec) {
    Integer candidates = spec.candidatesPerQuery();
    return candidates == null ? 0 : (long) spec.expectedQueries() * candidates;
  }

  /** The query-candidate pairs the task ranks. */
  static long pairs(RankingTask task) {
    if (!task.globalCandidates().isEmpty()) {
      return (long) task.rows().size() * task.globalCandidates().size();
    }
    long pairs = 0;
    for (QueryRow row : task.rows()) {
      pairs += row.candidates().size();
    }
    return pairs;
  }

  /** Starts the warm-up on a background daemon thread, at most once per JVM; returns at once. */
  public static void startInBackground() {
    if (STARTED.compareAndSet(false, true)) {
      Thread thread = new Thread(KernelWarmUp::run, "scoring-kernel-warm-up");
      thread.setDaemon(true);
      thread.setPriority(Thread.MIN_PRIORITY);
      thread.start();
    }
  }

  /** The passes, on this thread. */
  static void run() {
    FloatDots dots = FloatDots.best();
    SplittableRandom random = new SplittableRandom(1);
    float[][] q = uniform(random, ROWS);
    float[][] c = uniform(random, CANDIDATES);
    float[] products = new float[ROWS * CANDIDATES];
    FloatDots.Packed packed = null;
    for (int pass = 0; pass < PASSES; pass++) {
      packed = dots.pack(c, 0, CANDIDATES, packed);
      dots.block(q, 0, ROWS, packed, products, CANDIDATES);
      dots.row(q[pass % ROWS], c, products);
    }
  }

  private static float[][] uniform(SplittableRandom random, int n) {
    float[][] m = new float[n][DIMS];
    for (float[] row : m) {
      for (int d = 0; d < DIMS; d++) {
        row[d] = (float) (random.nextDouble() * 2 - 1);
      }
    }
    return m;
  }
}
