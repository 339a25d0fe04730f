package org.mmeb.eval.encode.onnx;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a graph output becomes one vector per row. */
public enum Pooling {
  /** The output is already one vector per row: shape [batch, dim]. */
  @JsonProperty("pooled")
  POOLED,
  /** Mean over the tokens whose attention mask is 1: output [batch, tokens, dim]. */
  @JsonProperty("mean")
  MEAN,
  /** The first token: output [batch, tokens, dim]. */
  @JsonProperty("cls")
  CLS,
  /** The last token whose attention mask is 1 (left or right padding): [batch, tokens, dim]. */
  @JsonProperty("last_token")
  LAST_TOKEN;

  /**
   * Pools row {@code row} of a [batch, tokens, dim] output held flat in {@code hidden}; {@code
   * mask} is the row's attention mask (null for a vision graph, where every position counts).
   */
  float[] pool(float[] hidden, int row, int tokens, int dim, long[] mask) {
    int base = row * tokens * dim;
    return switch (this) {
      case POOLED -> throw new IllegalStateException("pooled outputs need no pooling");
      case CLS -> slice(hidden, base, dim);
      case LAST_TOKEN -> slice(hidden, base + lastAttended(mask, tokens) * dim, dim);
      case MEAN -> mean(hidden, base, tokens, dim, mask);
    };
  }

  private static float[] slice(float[] hidden, int from, int dim) {
    float[] out = new float[dim];
    System.arraycopy(hidden, from, out, 0, dim);
    return out;
  }

  private static int lastAttended(long[] mask, int tokens) {
    if (mask == null) {
      return tokens - 1;
    }
    for (int t = tokens - 1; t >= 0; t--) {
      if (mask[t] != 0) {
        return t;
      }
    }
    return tokens - 1;
  }

  private static float[] mean(float[] hidden, int base, int tokens, int dim, long[] mask) {
    double[] sum = new double[dim];
    int count = 0;
    for (int t = 0; t < tokens; t++) {
      if (mask != null && mask[t] == 0) {
        continue;
      }
      count++;
      for (int d = 0; d < dim; d++) {
        sum[d] += hidden[base + t * dim + d];
      }
    }
    float[] out = new float[dim];
    for (int d = 0; d < dim; d++) {
      out[d] = (float) (sum[d] / Math.max(count, 1));
    }
    return out;
  }
}
