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
    return weightOfNorm(norm(v));
  }

  /** {@link #weight} from a norm already computed by {@link #norm}. */
  double weightOfNorm(double norm) {
    return this == DOT ? 1.0 : 1.0 / Math.max(norm, NORM_EPS);
  }

  /** The Euclidean length, summed in double as {@link #dot}. */
  static double norm(float[] v) {
    return Math.sqrt(dot(v, v));
  }

  public double score(float[] q, double qWeight, float[] c, double cWeight) {
    return scoreOfDot(dot(q, c), qWeight, cWeight);
  }

  /**
   * {@link #score} from a dot already computed by {@link #dot}, {@link #dots} or {@link
   * #squareAndDot}.
   */
  static double scoreOfDot(double dot, double qWeight, double cWeight) {
    return dot * qWeight * cWeight;
  }

  /**
   * {@code out = {dot(a1, b1), dot(a2, b2)}} in one pass, each summed in exactly {@link #dot}'s
   * order (so each bit-identical to it): four independent sums keep the adder busier than two. All
   * four vectors have one length.
   */
  static void dots(float[] a1, float[] b1, float[] a2, float[] b2, double[] out) {
    int n = a1.length;
    double even1 = 0;
    double odd1 = 0;
    double even2 = 0;
    double odd2 = 0;
    int i = 0;
    // products first, then the sums in their order: see dot
    for (; i + 3 < n; i += 4) {
      double p0 = (double) a1[i] * b1[i];
      double p1 = (double) a1[i + 1] * b1[i + 1];
      double p2 = (double) a1[i + 2] * b1[i + 2];
      double p3 = (double) a1[i + 3] * b1[i + 3];
      double r0 = (double) a2[i] * b2[i];
      double r1 = (double) a2[i + 1] * b2[i + 1];
      double r2 = (double) a2[i + 2] * b2[i + 2];
      double r3 = (double) a2[i + 3] * b2[i + 3];
      even1 += p0;
      odd1 += p1;
      even2 += r0;
      odd2 += r1;
      even1 += p2;
      odd1 += p3;
      even2 += r2;
      odd2 += r3;
    }
    for (; i + 1 < n; i += 2) {
      even1 += (double) a1[i] * b1[i];
      odd1 += (double) a1[i + 1] * b1[i + 1];
      even2 += (double) a2[i] * b2[i];
      odd2 += (double) a2[i + 1] * b2[i + 1];
    }
    if (i < n) {
      even1 += (double) a1[i] * b1[i];
      even2 += (double) a2[i] * b2[i];
    }
    out[0] = even1 + odd1;
    out[1] = even2 + odd2;
  }

  /**
   * {@code out = {dot(q, q), dot(q, c)}} in one pass, each summed in exactly {@link #dot}'s order
   * (so each bit-identical to it): {@link #dots} for a query's square and its dot with one
   * candidate, each component of the query read and widened once.
   */
  static void squareAndDot(float[] q, float[] c, double[] out) {
    int n = q.length;
    double evenSquare = 0;
    double oddSquare = 0;
    double evenDot = 0;
    double oddDot = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      double q0 = q[i];
      double q1 = q[i + 1];
      double q2 = q[i + 2];
      double q3 = q[i + 3];
      double p0 = q0 * c[i];
      double p1 = q1 * c[i + 1];
      double p2 = q2 * c[i + 2];
      double p3 = q3 * c[i + 3];
      evenSquare += q0 * q0;
      oddSquare += q1 * q1;
      evenDot += p0;
      oddDot += p1;
      evenSquare += q2 * q2;
      oddSquare += q3 * q3;
      evenDot += p2;
      oddDot += p3;
    }
    for (; i + 1 < n; i += 2) {
      evenSquare += (double) q[i] * q[i];
      oddSquare += (double) q[i + 1] * q[i + 1];
      evenDot += (double) q[i] * c[i];
      oddDot += (double) q[i + 1] * c[i + 1];
    }
    if (i < n) {
      evenSquare += (double) q[i] * q[i];
      evenDot += (double) q[i] * c[i];
    }
    out[0] = evenSquare + oddSquare;
    out[1] = evenDot + oddDot;
  }

  /**
   * The dot product in double, defined as two sums: {@code even} adds the products at even indices
   * in order, {@code odd} those at odd indices, then {@code even + odd}. Each product of two floats
   * is exact in double, so only the sums round. Eight products are computed before their eight
   * additions: written one product per addition, C2 ran this three times slower on the same order
   * (3.1 against 1.1 us at 1536 dims).
   */
  static double dot(float[] a, float[] b) {
    int n = a.length;
    double even = 0;
    double odd = 0;
    int i = 0;
    for (; i + 7 < n; i += 8) {
      double p0 = (double) a[i] * b[i];
      double p1 = (double) a[i + 1] * b[i + 1];
      double p2 = (double) a[i + 2] * b[i + 2];
      double p3 = (double) a[i + 3] * b[i + 3];
      double p4 = (double) a[i + 4] * b[i + 4];
      double p5 = (double) a[i + 5] * b[i + 5];
      double p6 = (double) a[i + 6] * b[i + 6];
      double p7 = (double) a[i + 7] * b[i + 7];
      even += p0;
      odd += p1;
      even += p2;
      odd += p3;
      even += p4;
      odd += p5;
      even += p6;
      odd += p7;
    }
    for (; i + 1 < n; i += 2) {
      even += (double) a[i] * b[i];
      odd += (double) a[i + 1] * b[i + 1];
    }
    if (i < n) {
      even += (double) a[i] * b[i];
    }
    return even + odd;
  }
}
