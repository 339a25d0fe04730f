package org.mmeb.eval.score;

/**
 * How a query vector and a candidate vector are compared. Products of two floats are exact in
 * double, and sums are accumulated in double, so results do not depend on the order of threads or
 * blocks.
 *
 * <p>Reference: V2 {@code eval.py} ranks by {@code np.dot(qry, cand)} of embeddings that the model
 * already L2-normalised ({@code --normalize true} in every eval script; {@code F.normalize(reps,
 * p=2, dim=-1)}, eps 1e-12). V1 {@code get_pred(normalization=True)} divides the dot product by
 * both norms. {@link #COSINE} is both; {@link #DOT} is the raw product for models evaluated without
 * normalisation.
 */
public enum Similarity {
  COSINE,
  DOT;

  /**
   * torch.nn.functional.normalize's eps: a zero vector stays zero (similarity 0) rather than NaN.
   */
  private static final double NORM_EPS = 1e-12;

  /** The factor a vector's dot products are multiplied by: 1/max(|v|, eps) for cosine. */
  public double weight(float[] v) {
    if (this == DOT) {
      return 1.0;
    }
    return 1.0 / Math.max(Math.sqrt(dot(v, v)), NORM_EPS);
  }

  public double score(float[] q, double qWeight, float[] c, double cWeight) {
    return dot(q, c) * qWeight * cWeight;
  }

  static double dot(float[] a, float[] b) {
    int n = a.length;
    double even = 0;
    double odd = 0;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      even += (double) a[i] * b[i];
      odd += (double) a[i + 1] * b[i + 1];
    }
    if (i < n) {
      even += (double) a[i] * b[i];
    }
    return even + odd;
  }

  /**
   * {@link #dot} of one candidate with four queries at once (each candidate value is loaded once
   * for four products). Every query's sum is accumulated in exactly the order of {@link #dot}, so
   * the results are bit-identical to four calls of it.
   */
  static void dot4(float[] c, float[] q0, float[] q1, float[] q2, float[] q3, double[] out) {
    int n = c.length;
    double e0 = 0;
    double o0 = 0;
    double e1 = 0;
    double o1 = 0;
    double e2 = 0;
    double o2 = 0;
    double e3 = 0;
    double o3 = 0;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      double ce = c[i];
      double co = c[i + 1];
      e0 += q0[i] * ce;
      o0 += q0[i + 1] * co;
      e1 += q1[i] * ce;
      o1 += q1[i + 1] * co;
      e2 += q2[i] * ce;
      o2 += q2[i + 1] * co;
      e3 += q3[i] * ce;
      o3 += q3[i + 1] * co;
    }
    if (i < n) {
      double ce = c[i];
      e0 += q0[i] * ce;
      e1 += q1[i] * ce;
      e2 += q2[i] * ce;
      e3 += q3[i] * ce;
    }
    out[0] = e0 + o0;
    out[1] = e1 + o1;
    out[2] = e2 + o2;
    out[3] = e3 + o3;
  }
}
