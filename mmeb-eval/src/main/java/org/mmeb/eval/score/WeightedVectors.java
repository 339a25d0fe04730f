package org.mmeb.eval.score;

/**
 * Vectors with what scoring needs of each, computed once: the similarity's weight (today's exact
 * {@link Similarity#weight}) and the scale {@code norm * weight} that {@link ScoreErrorBound}
 * needs, plus the largest of both.
 */
final class WeightedVectors {
  private final float[][] vectors;
  private final double[] weights;
  private final double[] scales;
  private double maxWeight;
  private double maxScale;

  private WeightedVectors(float[][] vectors, double[] weights, double[] scales) {
    this.vectors = vectors;
    this.weights = weights;
    this.scales = scales;
    for (int i = 0; i < vectors.length; i++) {
      maxWeight = Math.max(maxWeight, weights[i]);
      maxScale = Math.max(maxScale, scales[i]);
    }
  }

  private WeightedVectors(float[][] vectors, Similarity similarity) {
    this.vectors = vectors;
    weights = new double[vectors.length];
    scales = new double[vectors.length];
    double[] squares = new double[4];
    int i = 0;
    for (; i + 3 < vectors.length; i += 4) {
      setFourNorms(i, similarity, squares);
    }
    for (; i < vectors.length; i++) {
      setNorm(i, Similarity.norm(vectors[i]), similarity);
    }
  }

  /** Vectors [i, i + 4): four norms in one pass when they have one length, each as norm sums it. */
  private void setFourNorms(int i, Similarity similarity, double[] squares) {
    int n = vectors[i].length;
    if (vectors[i + 1].length == n && vectors[i + 2].length == n && vectors[i + 3].length == n) {
      squaredNorms(vectors[i], vectors[i + 1], vectors[i + 2], vectors[i + 3], squares);
      for (int k = 0; k < 4; k++) {
        setNorm(i + k, Math.sqrt(squares[k]), similarity);
      }
    } else {
      for (int k = 0; k < 4; k++) {
        setNorm(i + k, Similarity.norm(vectors[i + k]), similarity);
      }
    }
  }

  /**
   * {@code out[k] = Similarity.dot(v, v)} of the k-th vector, bit for bit (its even and odd sums,
   * each in index order): eight independent sums keep the adder busier than {@link
   * Similarity#dots}' four (1000 vectors of 1536 dimensions, one thread: 0.77 against 1.09 ms). One
   * length for all.
   */
  static void squaredNorms(float[] a, float[] b, float[] c, float[] d, double[] out) {
    double aEven = 0;
    double aOdd = 0;
    double bEven = 0;
    double bOdd = 0;
    double cEven = 0;
    double cOdd = 0;
    double dEven = 0;
    double dOdd = 0;
    int i = 0;
    for (; i + 1 < a.length; i += 2) {
      double a0 = (double) a[i] * a[i];
      double a1 = (double) a[i + 1] * a[i + 1];
      double b0 = (double) b[i] * b[i];
      double b1 = (double) b[i + 1] * b[i + 1];
      double c0 = (double) c[i] * c[i];
      double c1 = (double) c[i + 1] * c[i + 1];
      double d0 = (double) d[i] * d[i];
      double d1 = (double) d[i + 1] * d[i + 1];
      aEven += a0;
      aOdd += a1;
      bEven += b0;
      bOdd += b1;
      cEven += c0;
      cOdd += c1;
      dEven += d0;
      dOdd += d1;
    }
    if (i < a.length) {
      aEven += (double) a[i] * a[i];
      bEven += (double) b[i] * b[i];
      cEven += (double) c[i] * c[i];
      dEven += (double) d[i] * d[i];
    }
    out[0] = aEven + aOdd;
    out[1] = bEven + bOdd;
    out[2] = cEven + cOdd;
    out[3] = dEven + dOdd;
  }

  private void setNorm(int i, double norm, Similarity similarity) {
    weights[i] = similarity.weightOfNorm(norm);
    scales[i] = norm * weights[i];
    maxWeight = Math.max(maxWeight, weights[i]);
    maxScale = Math.max(maxScale, scales[i]);
  }

  static WeightedVectors of(float[][] vectors, Similarity similarity) {
    return new WeightedVectors(vectors, similarity);
  }

  static WeightedVectors of(VectorSource source, int from, int to, Similarity similarity) {
    float[][] vectors = new float[to - from][];
    for (int i = from; i < to; i++) {
      vectors[i - from] = source.vector(i);
    }
    return new WeightedVectors(vectors, similarity);
  }

  /** Fails when a vector's length is not {@code dims} (the kernels read {@code dims} of each). */
  void requireDims(int dims) {
    for (int i = 0; i < vectors.length; i++) {
      if (vectors[i].length != dims) {
        throw new IllegalArgumentException(
            "vector " + i + " has " + vectors[i].length + " dimensions, the query " + dims);
      }
    }
  }

  int size() {
    return vectors.length;
  }

  float[][] vectors() {
    return vectors;
  }

  float[] vector(int i) {
    return vectors[i];
  }

  double weight(int i) {
    return weights[i];
  }

  double scale(int i) {
    return scales[i];
  }

  double maxWeight() {
    return maxWeight;
  }

  double maxScale() {
    return maxScale;
  }
}
