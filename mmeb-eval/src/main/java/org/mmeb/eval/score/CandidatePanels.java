package org.mmeb.eval.score;

import java.util.Arrays;

/**
 * Candidates packed for the broadcast kernel ({@link VectorFloatDots#block}): panels of {@code
 * width} candidates, each panel dimension-major ({@code width} floats of dimension 0, then of
 * dimension 1, ...), so that the kernel loads one dimension of a whole panel as contiguous vectors.
 * The last panel is padded with zeros.
 */
final class CandidatePanels implements FloatDots.Packed {
  private final float[] values;
  private final int size;
  private final int dims;
  private final int width;

  private CandidatePanels(float[] values, int size, int dims, int width) {
    this.values = values;
    this.size = size;
    this.dims = dims;
    this.width = width;
  }

  /**
   * Candidates {@code c[from, to)}, all of one length, in panels of {@code width}; in the array of
   * {@code reuse} (null for a new one) when it is large enough.
   */
  static CandidatePanels of(float[][] c, int from, int to, int width, CandidatePanels reuse) {
    int size = to - from;
    int dims = size == 0 ? 0 : c[from].length;
    int panels = (size + width - 1) / width;
    int length = panels * dims * width;
    float[] values =
        reuse != null && reuse.values.length >= length ? reuse.values : new float[length];
    float[][] lanes = new float[width][];
    for (int p = 0; p < panels; p++) {
      int count = Math.min(width, size - p * width);
      System.arraycopy(c, from + p * width, lanes, 0, count);
      transpose(lanes, count, dims, values, p * dims * width, width);
    }
    return new CandidatePanels(values, size, dims, width);
  }

  /**
   * {@code values[offset + d * width + lane] = lanes[lane][d]}, written in order while reading
   * {@code count} rows side by side.
   */
  private static void transpose(
      float[][] lanes, int count, int dims, float[] values, int offset, int width) {
    for (int d = 0, at = offset; d < dims; d++, at += width) {
      for (int lane = 0; lane < count; lane++) {
        values[at + lane] = lanes[lane][d];
      }
      Arrays.fill(values, at + count, at + width, 0f); // padding (a reused array holds old values)
    }
  }

  @Override
  public int size() {
    return size;
  }

  int dims() {
    return dims;
  }

  int panels() {
    return (size + width - 1) / width;
  }

  float[] values() {
    return values;
  }

  /** Where panel {@code p} starts in {@link #values}. */
  int offset(int p) {
    return p * dims * width;
  }

  /** Real candidates in panel {@code p} (the rest is padding). */
  int count(int p) {
    return Math.min(width, size - p * width);
  }
}
