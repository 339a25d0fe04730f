package org.mmeb.eval.score;

/** {@link FloatDots} without SIMD: four partial sums per pair (for instruction-level overlap). */
final class ScalarFloatDots extends FloatDots {
  /** The candidates as they are: the scalar loop reads each one's own array. */
  private record Rows(float[][] vectors, int from, int to) implements Packed {
    @Override
    public int size() {
      return to - from;
    }
  }

  @Override
  String name() {
    return "scalar";
  }

  @Override
  Packed pack(float[][] c, int from, int to, Packed reuse) {
    return new Rows(c, from, to);
  }

  @Override
  void block(float[][] q, int qFrom, int qTo, Packed packed, float[] out, int stride) {
    Rows c = (Rows) packed;
    for (int r = qFrom; r < qTo; r++) {
      int row = (r - qFrom) * stride - c.from();
      for (int s = c.from(); s < c.to(); s++) {
        out[row + s] = dot(q[r], c.vectors()[s]);
      }
    }
  }

  @Override
  void row(float[] query, float[][] c, float[] out) {
    for (int s = 0; s < c.length; s++) {
      out[s] = dot(query, c[s]);
    }
  }

  @Override
  int roundings(int dims) {
    // a chain of dims/4 product+sum steps, the remainder, then (s0 + s1) + (s2 + s3)
    return 2 * (dims / 4 + 3) + 2;
  }

  static float dot(float[] a, float[] b) {
    int n = a.length;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (; d + 3 < n; d += 4) {
      s0 += a[d] * b[d];
      s1 += a[d + 1] * b[d + 1];
      s2 += a[d + 2] * b[d + 2];
      s3 += a[d + 3] * b[d + 3];
    }
    for (; d < n; d++) {
      s0 += a[d] * b[d];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
