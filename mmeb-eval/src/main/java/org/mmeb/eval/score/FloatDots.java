package org.mmeb.eval.score;

/**
 * Fast float32 dot products of queries against candidates, used only to decide which pairs need the
 * exact double score (see {@link ScoreErrorBound}). Two implementations: SIMD through the JDK's
 * Vector API when the {@code jdk.incubator.vector} module is present (the launcher and the tests
 * add it), else a scalar loop with four partial sums. Both report how many roundings a product can
 * pass through, which is all the error bound needs to know.
 *
 * <p>Many queries against the same candidates: {@link #pack} them once into the kernel's layout,
 * then {@link #block} each chunk of queries against the packed candidates (from any thread). One
 * query against its own candidates: {@link #row}.
 */
abstract class FloatDots {
  private static final FloatDots BEST = load();

  /** Candidates in the layout a kernel's {@link #block} reads; immutable once built. */
  interface Packed {
    /** How many candidates. */
    int size();
  }

  /** The SIMD kernel when the Vector API module is present, else the scalar one. */
  static FloatDots best() {
    return BEST;
  }

  static FloatDots scalar() {
    return new ScalarFloatDots();
  }

  /** "vector (16 float lanes)" or "scalar". */
  abstract String name();

  /** Candidates {@code c[from, to)}, every one of the same length, laid out for {@link #block}. */
  final Packed pack(float[][] c, int from, int to) {
    return pack(c, from, to, null);
  }

  /**
   * {@link #pack(float[][], int, int)} into the memory of {@code reuse} (a packing of this kernel
   * that nobody reads any more, or null) when it is large enough: blocks packed one after another
   * need no new arrays.
   */
  abstract Packed pack(float[][] c, int from, int to, Packed reuse);

  /**
   * {@code out[(r - qFrom) * stride + s]} = float32 dot of {@code q[r]} and packed candidate {@code
   * s}, for r in [qFrom, qTo) and every candidate s. The queries have the candidates' length.
   */
  abstract void block(float[][] q, int qFrom, int qTo, Packed c, float[] out, int stride);

  /** {@code out[s]} = float32 dot of {@code query} and {@code c[s]}, for every s. */
  abstract void row(float[] query, float[][] c, float[] out);

  /**
   * An upper bound on the number of roundings (float products and sums, in any order the kernel
   * uses, by {@link #block} or {@link #row}) between an exact product {@code q[d] * c[d]} and the
   * returned dot, for {@code dims} components.
   */
  abstract int roundings(int dims);

  private static FloatDots load() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return scalar();
    }
    try {
      // By name, so that this class loads without the module (e.g. a plain `java -cp` run).
      return (FloatDots)
          Class.forName("org.mmeb.eval.score.VectorFloatDots")
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return scalar();
    }
  }
}
