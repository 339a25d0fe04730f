package org.mmeb.eval.score;

/**
 * Fast float32 dot products of query tiles against candidate tiles, used only to decide which pairs
 * need the exact double score (see {@link ScoreErrorBound}). Two implementations: SIMD through the
 * JDK's Vector API when the {@code jdk.incubator.vector} module is present (the launcher and the
 * tests add it), else a scalar loop with four partial sums. Both report how many roundings a
 * product can pass through, which is all the error bound needs to know.
 */
abstract class FloatDots {
  private static final FloatDots BEST = load();

  /** The SIMD kernel when the Vector API module is present, else the scalar one. */
  static FloatDots best() {
    return BEST;
  }

  static FloatDots scalar() {
    return new ScalarFloatDots();
  }

  /** "vector (16 float lanes)" or "scalar". */
  abstract String name();

  /**
   * {@code out[at + (r - qFrom) * stride + (s - cFrom)]} = float32 dot of {@code q[r]} and {@code
   * c[s]}, for r in [qFrom, qTo) and s in [cFrom, cTo). Every vector has {@code q[qFrom].length}
   * components.
   */
  abstract void block(
      float[][] q, int qFrom, int qTo, float[][] c, int cFrom, int cTo, float[] out, int stride);

  /**
   * An upper bound on the number of roundings (float products and sums, any summation order of the
   * lanes) between an exact product {@code q[d] * c[d]} and the returned dot, for {@code dims}
   * components.
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
