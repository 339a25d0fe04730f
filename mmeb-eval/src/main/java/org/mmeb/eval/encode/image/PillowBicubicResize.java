package org.mmeb.eval.encode.image;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bicubic resize that reproduces Pillow's {@code Image.resize(size, BICUBIC)} on 8-bit RGB images
 * byte for byte (Pillow's {@code libImaging/Resample.c}): a separable convolution, horizontal pass
 * first, with the cubic kernel (a = -0.5, support 2) widened by the scale when downsampling,
 * weights normalised per output pixel, then rounded to 22-bit fixed point; each pass rounds and
 * clips to 8 bits, so the intermediate image is 8-bit as in Pillow. Coefficients are cached per
 * (source size, output size); a crop window computes only the output pixels it keeps.
 */
public final class PillowBicubicResize {
  private static final int PRECISION_BITS = 32 - 8 - 2;
  private static final double SUPPORT = 2.0;
  private static final double A = -0.5;

  private static final int CACHED_COEFFICIENTS = 1024;
  private static final Map<Long, Coefficients> COEFFICIENTS = new ConcurrentHashMap<>();

  private PillowBicubicResize() {}

  public static RgbImage resize(RgbImage in, int width, int height) {
    if (width == in.width() && height == in.height()) {
      return in;
    }
    return window(in, width, height, 0, 0, width, height);
  }

  /**
   * The {@code w x h} region at ({@code left}, {@code top}) of {@code resize(in, width, height)},
   * computing only the output rows and columns in it (each output pixel depends only on its own
   * coefficients, so the region is byte-identical to a crop of the full resize).
   */
  public static RgbImage window(
      RgbImage in, int width, int height, int left, int top, int w, int h) {
    if (width == in.width() && height == in.height()) {
      return left == 0 && top == 0 && w == width && h == height ? in : in.crop(left, top, w, h);
    }
    Coefficients vertical = height == in.height() ? null : coefficients(in.height(), height);
    // Like Pillow, the horizontal pass only covers the source rows the vertical pass will read.
    int firstRow = vertical == null ? top : vertical.start(top);
    int rowCount =
        vertical == null ? h : vertical.start(top + h - 1) + vertical.count(top + h - 1) - firstRow;
    byte[] rows;
    int rowsWidth;
    int column;
    if (width == in.width()) {
      rows = in.rgb();
      rowsWidth = in.width();
      column = left;
      firstRow = 0;
    } else {
      rows = horizontal(in, coefficients(in.width(), width), left, w, firstRow, rowCount);
      rowsWidth = w;
      column = 0;
    }
    if (vertical == null) {
      return new RgbImage(w, h, rows);
    }
    return new RgbImage(w, h, vertical(rows, rowsWidth, column, w, vertical, firstRow, top, h));
  }

  private static Coefficients coefficients(int inSize, int outSize) {
    long key = ((long) inSize << 32) | outSize;
    Coefficients known = COEFFICIENTS.get(key);
    if (known != null) {
      return known;
    }
    if (COEFFICIENTS.size() >= CACHED_COEFFICIENTS) {
      COEFFICIENTS.clear();
    }
    Coefficients made = Coefficients.of(inSize, outSize);
    COEFFICIENTS.put(key, made);
    return made;
  }

  /** Output columns [left, left + w) of source rows [firstRow, firstRow + rowCount). */
  private static byte[] horizontal(
      RgbImage in, Coefficients k, int left, int w, int firstRow, int rowCount) {
    byte[] src = in.rgb();
    byte[] out = new byte[w * rowCount * 3];
    int half = 1 << (PRECISION_BITS - 1);
    for (int y = 0; y < rowCount; y++) {
      int rowBase = (firstRow + y) * in.width() * 3;
      int o = y * w * 3;
      for (int x = left; x < left + w; x++) {
        int p = rowBase + k.start(x) * 3;
        int weights = x * k.kernelSize();
        int r = half;
        int g = half;
        int b = half;
        for (int i = 0; i < k.count(x); i++, p += 3) {
          int weight = k.weights()[weights + i];
          r += (src[p] & 0xFF) * weight;
          g += (src[p + 1] & 0xFF) * weight;
          b += (src[p + 2] & 0xFF) * weight;
        }
        out[o++] = clip8(r);
        out[o++] = clip8(g);
        out[o++] = clip8(b);
      }
    }
    return out;
  }

  /**
   * Output rows [top, top + h) from {@code src} rows (the first being source row {@code firstRow}),
   * {@code w} pixels from column {@code column} of rows {@code srcWidth} wide.
   */
  private static byte[] vertical(
      byte[] src, int srcWidth, int column, int w, Coefficients k, int firstRow, int top, int h) {
    int span = w * 3;
    byte[] out = new byte[span * h];
    int[] sum = new int[span];
    for (int y = 0; y < h; y++) {
      Arrays.fill(sum, 1 << (PRECISION_BITS - 1));
      int start = k.start(top + y) - firstRow;
      for (int i = 0; i < k.count(top + y); i++) {
        int weight = k.weight(top + y, i);
        int base = ((start + i) * srcWidth + column) * 3;
        // one tap over a whole row: a loop the JIT turns into SIMD
        for (int x = 0; x < span; x++) {
          sum[x] += (src[base + x] & 0xFF) * weight;
        }
      }
      for (int x = 0; x < span; x++) {
        out[y * span + x] = clip8(sum[x]);
      }
    }
    return out;
  }

  private static byte clip8(int sum) {
    int v = sum >> PRECISION_BITS;
    return (byte) (v < 0 ? 0 : Math.min(v, 255));
  }

  static double cubic(double x) {
    x = Math.abs(x);
    if (x < 1.0) {
      return ((A + 2.0) * x - (A + 3.0)) * x * x + 1;
    }
    if (x < 2.0) {
      return (((x - 5) * x + 8) * x - 4) * A;
    }
    return 0.0;
  }

  /** Per output pixel: first source pixel, number of source pixels and fixed-point weights. */
  private record Coefficients(int outSize, int kernelSize, int[] bounds, int[] weights) {
    static Coefficients of(int inSize, int outSize) {
      double scale = (double) inSize / outSize;
      double filterScale = Math.max(scale, 1.0);
      double support = SUPPORT * filterScale;
      int kernelSize = (int) Math.ceil(support) * 2 + 1;
      int[] bounds = new int[outSize * 2];
      int[] weights = new int[outSize * kernelSize];
      double[] k = new double[kernelSize];
      for (int xx = 0; xx < outSize; xx++) {
        double center = (xx + 0.5) * scale;
        double ss = 1.0 / filterScale;
        int xmin = Math.max((int) (center - support + 0.5), 0);
        int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
        double total = 0.0;
        for (int x = 0; x < xmax; x++) {
          k[x] = cubic((x + xmin - center + 0.5) * ss);
          total += k[x];
        }
        for (int x = 0; x < xmax; x++) {
          double w = total != 0.0 ? k[x] / total : k[x];
          weights[xx * kernelSize + x] = toFixedPoint(w);
        }
        bounds[xx * 2] = xmin;
        bounds[xx * 2 + 1] = xmax;
      }
      return new Coefficients(outSize, kernelSize, bounds, weights);
    }

    private static int toFixedPoint(double w) {
      return (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS));
    }

    int start(int out) {
      return bounds[out * 2];
    }

    int count(int out) {
      return bounds[out * 2 + 1];
    }

    int weight(int out, int i) {
      return weights[out * kernelSize + i];
    }
  }
}
