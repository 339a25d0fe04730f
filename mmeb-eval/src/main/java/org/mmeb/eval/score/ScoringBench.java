package org.mmeb.eval.score;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.mmeb.eval.data.CandidateNumbering;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.ItemKeys;
import org.mmeb.eval.data.NumberedCandidates;

/**
 * {@code bench scoring}: times the harness's scoring against the float32 matrix product of the same
 * size on the same machine, in one process: rounds alternate (harness, limit, harness, ...) so that
 * load on a shared machine hits both, and medians are reported. The limit is the bare SIMD kernel
 * computing every score of the product, nothing kept (what the harness would cost with free
 * bookkeeping). Vectors are random (uniform in [-1, 1)), one positive per query. Before timing, the
 * rankings of a sample of queries are checked against scoring every pair in double (the definition
 * of a score), and the JIT is warmed up: untimed passes of the first local task (a global task's
 * check is a full ranking), as numpy's timing starts after a product of its own.
 */
public final class ScoringBench {
  /** One round's cost. */
  public record Sample(double wallSeconds, double cpuSeconds) {}

  /** A matrix product timed outside this JVM (numpy's sgemm), or null when not asked for. */
  public interface ExternalProduct {
    String name();

    /**
     * {@code repeats} products of ({@code rows} × {@code dims}) by ({@code dims} × {@code cols}).
     */
    Sample time(int repeats, int rows, int cols, int dims);
  }

  /**
   * Median CPU seconds a reader spends building the local rows' candidate items ({@code plain}) and
   * building and numbering them ({@code numbered}): numbering costs the difference.
   */
  public record Reading(double plainCpuSeconds, double numberedCpuSeconds) {}

  /**
   * Untimed rounds of local tasks before timing (reader, harness and product) and their CPU
   * seconds; then the seconds the JIT spent compiling during the timed rounds (its threads' CPU is
   * in the timed process CPU), NaN when the JVM does not say.
   */
  public record WarmUp(int passes, double cpuSeconds, double timedCompileSeconds) {}

  /** A mode's median wall and CPU seconds for {@code flops} floating-point operations. */
  public record Mode(String name, double wallSeconds, double cpuSeconds, double flops) {
    public double gflopPerCpuSecond() {
      return flops / cpuSeconds / 1e9;
    }
  }

  /**
   * @param exactFraction share of the pairs scored in double by the harness (the rest decided fast)
   * @param checkedQueries queries whose ranking was compared with the all-double ranking (all
   *     equal)
   * @param reading what a reader spends building the local rows' candidates, and numbering them
   *     (not in the harness's time; zero for a global task)
   */
  public record Report(
      String shape,
      String kernel,
      int rounds,
      Mode harness,
      Mode limit,
      Mode external,
      double exactFraction,
      int checkedQueries,
      Reading reading,
      WarmUp warmUp) {}

  private static final int CHECKED = 32;

  /** Queries per chunk of the product, as the rankers' chunks. */
  private static final int CHUNK = 48;

  private final Similarity similarity = Similarity.COSINE;
  private final FloatDots dots = FloatDots.best();
  private final int rounds;
  private final int warmUpPasses;
  private final long seed;
  private final ExternalProduct external;

  /**
   * @param warmUpPasses untimed local tasks before timing: on this machine the JIT compiles for the
   *     first ~12 V1-sized ones (each costs up to twice a steady task)
   */
  public ScoringBench(int rounds, int warmUpPasses, long seed, ExternalProduct external) {
    this.rounds = rounds;
    this.warmUpPasses = warmUpPasses;
    this.seed = seed;
    this.external = external;
  }

  /** {@code queries} ranking one shared set of {@code candidates} (a {@code global} task). */
  public Report global(int queries, int candidates, int dims) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] q = uniform(random, queries, dims);
    float[][] c = uniform(random, candidates, dims);
    List<String> keys = IntStream.range(0, candidates).mapToObj(j -> "c" + j).toList();
    List<Map<String, Double>> relevance = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      relevance.add(Map.of(keys.get(random.nextInt(candidates)), 1.0));
    }
    GlobalRanker ranker = new GlobalRanker(similarity);
    int checked = checkGlobal(ranker, q, c, keys, relevance);
    double exact = (double) ranker.exactScores() / ((double) queries * candidates);
    Rounds timed = new Rounds(rounds);
    for (int r = 0; r < rounds; r++) {
      Sample h = time(() -> ranker.rank(source(q), source(c), keys, relevance));
      timed.add(r, h, time(() -> product(q, c)));
      if (external != null) {
        timed.outside.add(external.time(1, queries, candidates, dims));
      }
    }
    String shape =
        queries + " queries x " + candidates + " candidates x " + dims + " dims (global)";
    return report(shape, timed, 2.0 * queries * candidates * dims, exact, checked);
  }

  /** The first queries' rankings against all-double scoring; how many were checked. */
  private int checkGlobal(
      GlobalRanker ranker,
      float[][] q,
      float[][] c,
      List<String> keys,
      List<Map<String, Double>> relevance) {
    List<QueryRanking> ranked = ranker.rank(source(q), source(c), keys, relevance);
    int checked = Math.min(CHECKED, q.length);
    for (int i = 0; i < checked; i++) {
      check(ranked.get(i), q[i], Arrays.asList(c), keys, relevance.get(i), i);
    }
    return checked;
  }

  /**
   * {@code datasets} local tasks of {@code rows} rows, each row ranking {@code candidates} drawn
   * from a pool of {@code pool} distinct vectors (the V1 protocol's shape). The harness starts from
   * what a reader hands over: rows whose candidates it numbered while reading ({@link
   * CandidateNumbering}). What that numbering costs the reader is timed apart: the rows' items
   * built as a reader builds them, without and with numbering them.
   */
  public Report local(int datasets, int rows, int candidates, int pool, int dims) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] picks = rowsPicks(random, rows, candidates, pool);
    List<Map<String, Double>> relevance = firstPickRelevant(picks);
    Rounds timed = new Rounds(rounds);
    long exactScores = 0;
    for (int d = 0; d < datasets; d++) {
      LocalTask task =
          new LocalTask(uniform(random, rows, dims), uniform(random, pool, dims), picks, relevance);
      LocalTaskRanker ranker = new LocalTaskRanker(similarity);
      if (d == 0) {
        exactScores = checkLocal(ranker, task);
        warmUpLocal(new SplittableRandom(seed + 1), task, candidates, timed);
      }
      timeLocal(ranker, task, candidates, timed);
    }
    for (int r = 0; r < rounds && external != null; r++) {
      timed.outside.add(external.time(datasets, rows, candidates, dims));
    }
    String shape =
        "%d datasets x %d rows x %d candidates (pool %d) x %d dims (local)"
            .formatted(datasets, rows, candidates, pool, dims);
    double exact = (double) exactScores / ((double) rows * candidates);
    int checked = datasets > 0 ? Math.min(CHECKED, rows) : 0;
    return report(shape, timed, 2.0 * datasets * rows * candidates * dims, exact, checked);
  }

  private static int[][] rowsPicks(SplittableRandom random, int rows, int candidates, int pool) {
    int[][] picks = new int[rows][];
    for (int i = 0; i < rows; i++) {
      picks[i] = rowPicks(random, candidates, pool);
    }
    return picks;
  }

  /** Each row's first pick is its one relevant candidate (the V1 protocol's candidate 0). */
  private static List<Map<String, Double>> firstPickRelevant(int[][] picks) {
    return Arrays.stream(picks).map(row -> Map.of(candidateKey(row[0]), 1.0)).toList();
  }

  /** One local task: queries, candidate vectors, each row's picks from them, and labels. */
  private record LocalTask(
      float[][] q, float[][] c, int[][] picks, List<Map<String, Double>> relevance) {
    /** A task of this shape, picks and labels with new random vectors. */
    LocalTask withVectors(SplittableRandom random) {
      int dims = q.length == 0 ? 0 : q[0].length;
      return new LocalTask(
          uniform(random, q.length, dims), uniform(random, c.length, dims), picks, relevance);
    }
  }

  /**
   * The rows' candidates built as a V1 reader builds them (new items and key strings, keyed by
   * content), each row numbered right after it is built when {@code numbering} is given.
   */
  private static List<List<Item>> readRows(int[][] picks, CandidateNumbering numbering) {
    List<List<Item>> rows = new ArrayList<>(picks.length);
    for (int[] row : picks) {
      List<Item> items = new ArrayList<>(row.length);
      for (int pick : row) {
        items.add(ItemKeys.byContent(Integer.toString(pick), ""));
      }
      rows.add(numbering == null ? items : numbering.number(items));
    }
    return rows;
  }

  private static String candidateKey(int pick) {
    return ItemKeys.content(Integer.toString(pick), List.of());
  }

  private static List<NumberedCandidates> numbered(List<List<Item>> rows) {
    return rows.stream().map(row -> (NumberedCandidates) row).toList();
  }

  /**
   * The first rows' rankings against all-double scoring; the rows ranked by their keys too (the
   * harness's path for rows nobody numbered) must give the same rankings. Returns the pairs the
   * ranker scored in double.
   */
  private long checkLocal(LocalTaskRanker ranker, LocalTask task) {
    EmbeddingLookup lookup = lookup(task.c());
    List<float[]> q = Arrays.asList(task.q());
    List<NumberedCandidates> rows = numbered(readRows(task.picks(), new CandidateNumbering()));
    List<QueryRanking> ranked =
        ranker.rankNumbered(q, rows, rows.get(0).numbering(), lookup, task.relevance());
    List<List<String>> keys =
        rows.stream().map(row -> row.stream().map(Item::key).toList()).toList();
    checkByKeys(ranked, q, keys, lookup, task.relevance());
    for (int i = 0; i < Math.min(CHECKED, q.size()); i++) {
      List<float[]> vectors = keys.get(i).stream().map(lookup::get).toList();
      check(ranked.get(i), q.get(i), vectors, keys.get(i), task.relevance().get(i), i);
    }
    return ranker.exactScores();
  }

  /** The rows ranked by their keys (the path for rows nobody numbered) rank as by numbers. */
  private void checkByKeys(
      List<QueryRanking> byNumbers,
      List<float[]> q,
      List<List<String>> keys,
      EmbeddingLookup lookup,
      List<Map<String, Double>> relevance) {
    if (!byNumbers.equals(new LocalTaskRanker(similarity).rank(q, keys, lookup, relevance))) {
      throw new IllegalStateException("rows ranked by numbers and by keys differ");
    }
  }

  /**
   * {@code warmUpPasses} untimed rounds before any timing: of the first task, then of tasks like it
   * with other vectors (so that the JIT also sees the branches other data takes).
   */
  private void warmUpLocal(SplittableRandom random, LocalTask first, int candidates, Rounds timed) {
    LocalTaskRanker ranker = new LocalTaskRanker(similarity);
    double cpuSeconds = 0;
    for (int pass = 0; pass < warmUpPasses; pass++) {
      LocalTask task = pass == 0 ? first : first.withVectors(random);
      LocalRound round = localRound(ranker, task, candidates);
      cpuSeconds += round.cpuSeconds();
    }
    timed.warmedUp(warmUpPasses, cpuSeconds);
  }

  /** One dataset's rounds, added to each round's sums. */
  private void timeLocal(LocalTaskRanker ranker, LocalTask task, int candidates, Rounds timed) {
    for (int r = 0; r < rounds; r++) {
      LocalRound round = localRound(ranker, task, candidates);
      timed.add(r, round.harness(), round.product());
      timed.addReading(r, round.plain(), round.numbered());
    }
  }

  /**
   * A local round's samples: the reader building the rows without and with numbering them, the
   * harness from the numbered rows, the product.
   */
  private record LocalRound(Sample plain, Sample numbered, Sample harness, Sample product) {
    double cpuSeconds() {
      return plain.cpuSeconds()
          + numbered.cpuSeconds()
          + harness.cpuSeconds()
          + product.cpuSeconds();
    }
  }

  private LocalRound localRound(LocalTaskRanker ranker, LocalTask task, int candidates) {
    EmbeddingLookup lookup = lookup(task.c());
    List<float[]> queries = Arrays.asList(task.q());
    float[][] dense = Arrays.copyOf(task.c(), candidates);
    Sample plain = time(() -> readRows(task.picks(), null));
    List<List<NumberedCandidates>> read = new ArrayList<>(1);
    Sample numbered =
        time(() -> read.add(numbered(readRows(task.picks(), new CandidateNumbering()))));
    List<NumberedCandidates> rows = read.get(0);
    CandidateNumbering numbering = rows.get(0).numbering();
    Sample h = time(() -> ranker.rankNumbered(queries, rows, numbering, lookup, task.relevance()));
    return new LocalRound(plain, numbered, h, time(() -> product(task.q(), dense)));
  }

  /** Vectors by key; keys are content keys of a text-only item whose text is the index. */
  private static EmbeddingLookup lookup(float[][] c) {
    return key -> c[Integer.parseInt(key.substring(1))];
  }

  private Report report(String shape, Rounds timed, double flops, double exact, int checked) {
    return new Report(
        shape,
        dots.name(),
        rounds,
        timed.harness(flops),
        timed.limit(flops),
        external == null ? null : median(external.name(), timed.outside, flops),
        exact,
        checked,
        timed.reading(),
        timed.warmUp());
  }

  /**
   * Each round's harness and product samples, summed over the datasets timed in that round, and the
   * outside product's samples.
   */
  private static final class Rounds {
    final double[] harnessWall;
    final double[] harnessCpu;
    final double[] limitWall;
    final double[] limitCpu;
    final double[] readCpu;
    final double[] readNumberedCpu;
    final List<Sample> outside = new ArrayList<>();
    int warmUpPasses;
    double warmUpCpu;
    long compileMillisAtStart = compileMillis();

    Rounds(int rounds) {
      harnessWall = new double[rounds];
      harnessCpu = new double[rounds];
      limitWall = new double[rounds];
      limitCpu = new double[rounds];
      readCpu = new double[rounds];
      readNumberedCpu = new double[rounds];
    }

    /** Timing starts now: JIT compilation is counted from here. */
    void warmedUp(int passes, double cpuSeconds) {
      warmUpPasses = passes;
      warmUpCpu = cpuSeconds;
      compileMillisAtStart = compileMillis();
    }

    WarmUp warmUp() {
      long now = compileMillis();
      double compiling = now < 0 ? Double.NaN : (now - compileMillisAtStart) / 1e3;
      return new WarmUp(warmUpPasses, warmUpCpu, compiling);
    }

    void addReading(int round, Sample plain, Sample numbered) {
      readCpu[round] += plain.cpuSeconds();
      readNumberedCpu[round] += numbered.cpuSeconds();
    }

    void add(int round, Sample harness, Sample limit) {
      harnessWall[round] += harness.wallSeconds();
      harnessCpu[round] += harness.cpuSeconds();
      limitWall[round] += limit.wallSeconds();
      limitCpu[round] += limit.cpuSeconds();
    }

    Mode harness(double flops) {
      return new Mode("harness", middle(harnessWall), middle(harnessCpu), flops);
    }

    Mode limit(double flops) {
      return new Mode("float32 product", middle(limitWall), middle(limitCpu), flops);
    }

    /** A reader building the local rows, without and with numbering them (none if global). */
    Reading reading() {
      return new Reading(middle(readCpu), middle(readNumberedCpu));
    }
  }

  /** A row's candidates: {@code candidates} distinct picks from the pool. */
  private static int[] rowPicks(SplittableRandom random, int candidates, int pool) {
    int[] all = IntStream.range(0, pool).toArray();
    for (int j = 0; j < candidates; j++) {
      int pick = j + random.nextInt(pool - j);
      int t = all[j];
      all[j] = all[pick];
      all[pick] = t;
    }
    return Arrays.copyOf(all, candidates);
  }

  /** Every score of q × cᵀ by the bare kernel, in the harness's chunks and threads, none kept. */
  private void product(float[][] q, float[][] c) {
    LongAdder sink = new LongAdder();
    int block = 512;
    FloatDots.Packed previous = null;
    for (int start = 0; start < c.length; start += block) {
      FloatDots.Packed packed = dots.pack(c, start, Math.min(c.length, start + block), previous);
      previous = packed;
      IntStream.range(0, (q.length + CHUNK - 1) / CHUNK)
          .parallel()
          .forEach(k -> sink.add(productChunk(q, k * CHUNK, packed)));
    }
  }

  /** One chunk's products, one of them returned (keeps the work observable). */
  private int productChunk(float[][] q, int from, FloatDots.Packed packed) {
    int to = Math.min(q.length, from + CHUNK);
    int width = packed.size();
    float[] out = new float[(to - from) * width];
    dots.block(q, from, to, packed, out, width);
    return Float.floatToRawIntBits(out[0]);
  }

  private void check(
      QueryRanking ranked,
      float[] query,
      List<float[]> candidates,
      List<String> keys,
      Map<String, Double> relevance,
      int at) {
    if (!ranked.equals(ExhaustiveRanking.of(similarity, query, candidates, keys, relevance))) {
      throw new IllegalStateException("query " + at + ": fast ranking differs from the double one");
    }
  }

  private static Sample time(Runnable work) {
    long wall = System.nanoTime();
    long cpu = processCpuNanos();
    work.run();
    return new Sample((System.nanoTime() - wall) / 1e9, (processCpuNanos() - cpu) / 1e9);
  }

  /** The JIT's total compilation time so far, -1 when the JVM does not monitor it. */
  private static long compileMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : -1;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Mode median(String name, List<Sample> samples, double flops) {
    return new Mode(
        name,
        middle(samples.stream().mapToDouble(Sample::wallSeconds).toArray()),
        middle(samples.stream().mapToDouble(Sample::cpuSeconds).toArray()),
        flops);
  }

  private static double middle(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static float[][] uniform(SplittableRandom random, int n, int dims) {
    float[][] m = new float[n][dims];
    for (float[] row : m) {
      for (int d = 0; d < dims; d++) {
        row[d] = (float) (random.nextDouble() * 2 - 1);
      }
    }
    return m;
  }

  private static VectorSource source(float[][] m) {
    return new VectorSource() {
      @Override
      public int size() {
        return m.length;
      }

      @Override
      public float[] vector(int index) {
        return m[index];
      }
    };
  }
}
