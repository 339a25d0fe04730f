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
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += (double) a[i] * b[i];
      s1 += (double) a[i + 1] * b[i + 1];
      s2 += (double) a[i + 2] * b[i + 2];
      s3 += (double) a[i + 3] * b[i + 3];
    }
    for (; i < n; i++) {
      s0 += (double) a[i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
