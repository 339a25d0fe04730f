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
    double[] squares = new double[2];
    int i = 0;
    for (; i + 1 < vectors.length; i += 2) {
      setNormPair(i, similarity, squares);
    }
    if (i < vectors.length) {
      setNorm(i, Similarity.norm(vectors[i]), similarity);
    }
  }

  /** Vectors i and i + 1: two norms in one pass when they have one length, each as norm sums it. */
  private void setNormPair(int i, Similarity similarity, double[] squares) {
    if (vectors[i].length == vectors[i + 1].length) {
      Similarity.dots(vectors[i], vectors[i], vectors[i + 1], vectors[i + 1], squares);
      setNorm(i, Math.sqrt(squares[0]), similarity);
      setNorm(i + 1, Math.sqrt(squares[1]), similarity);
    } else {
      setNorm(i, Similarity.norm(vectors[i]), similarity);
      setNorm(i + 1, Similarity.norm(vectors[i + 1]), similarity);
    }
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
