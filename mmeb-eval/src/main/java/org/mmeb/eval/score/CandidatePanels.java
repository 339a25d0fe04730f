package org.mmeb.eval.score;

import java.util.Arrays;

/**
 * Candidates packed for the broadcast kernel ({@link VectorFloatDots#block}): panels of {@code
 * width} candidates, each panel dimension-major ({@code width} floats of dimension 0, then of
 * dimension 1, ...), so that the kernel loads one dimension of a whole panel as contiguous vectors.
 * The last panel is padded with zeros.
 *
 * <p>One array per panel (192 KB at 1536 dimensions), not one for all: an array of megabytes is
 * allocated outside the young generation, in fresh pages that cost more than the packing itself
 * (1000 candidates x 1536 dimensions, one thread: 5.5-6.1 ms packed into a new array, 2.3 ms into
 * reused memory).
 */
final class CandidatePanels implements FloatDots.Packed {
  private final float[][] panels;
  private final int size;
  private final int dims;
  private final int width;

  private CandidatePanels(float[][] panels, int size, int dims, int width) {
    this.panels = panels;
    this.size = size;
    this.dims = dims;
    this.width = width;
  }

  /**
   * Candidates {@code c[from, to)}, all of one length, in panels of {@code width}; in the panel
   * arrays of {@code reuse} (null for new ones) when they are large enough.
   */
  static CandidatePanels of(float[][] c, int from, int to, int width, CandidatePanels reuse) {
    int size = to - from;
    int dims = size == 0 ? 0 : c[from].length;
    float[][] panels = new float[(size + width - 1) / width][];
    float[][] lanes = new float[width][];
    for (int p = 0; p < panels.length; p++) {
      int count = Math.min(width, size - p * width);
      System.arraycopy(c, from + p * width, lanes, 0, count);
      panels[p] = reusable(reuse, p, dims * width);
      transpose(lanes, count, dims, panels[p], width);
    }
    return new CandidatePanels(panels, size, dims, width);
  }

  /** Panel {@code p}'s array of {@code reuse} if it holds {@code length} floats, else a new one. */
  private static float[] reusable(CandidatePanels reuse, int p, int length) {
    if (reuse != null && p < reuse.panels.length && reuse.panels[p].length >= length) {
      return reuse.panels[p];
    }
    return new float[length];
  }

  /**
   * Dimensions per step of {@link #transpose}: a 64-byte cache line of each row. Reading the rows
   * side by side one dimension at a time was ~40% slower (1000 x 1536, one thread: 1.8-3.0 against
   * 0.9-1.6 ms; blocks of 8: 1.3-2.1, 32: 1.0-1.6, 64: 1.2-1.9).
   */
  private static final int ROW_BLOCK = 16;

  /**
   * {@code values[d * width + lane] = lanes[lane][d]} for lanes [0, count), zeros for the others,
   * one block of {@link #ROW_BLOCK} dimensions of each row at a time.
   */
  private static void transpose(float[][] lanes, int count, int dims, float[] values, int width) {
    for (int from = 0; from < dims; from += ROW_BLOCK) {
      int to = Math.min(dims, from + ROW_BLOCK);
      for (int lane = 0; lane < count; lane++) {
        float[] row = lanes[lane];
        for (int d = from, at = from * width + lane; d < to; d++, at += width) {
          values[at] = row[d];
        }
      }
    }
    for (int d = 0, at = 0; count < width && d < dims; d++, at += width) {
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
    return panels.length;
  }

  /** Panel {@code p}: {@code width} floats per dimension, from dimension 0. */
  float[] panel(int p) {
    return panels[p];
  }

  /** Real candidates in panel {@code p} (the rest is padding). */
  int count(int p) {
    return Math.min(width, size - p * width);
  }
}
