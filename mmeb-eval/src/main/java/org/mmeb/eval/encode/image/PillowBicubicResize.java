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
    if (height == in.height()) {
      return new RgbImage(w, h, horizontal(in, coefficients(in.width(), width), left, w, top, h));
    }
    Coefficients vertical = coefficients(in.height(), height);
    if (width == in.width()) {
      return new RgbImage(w, h, vertical(in.rgb(), in.width(), left, w, vertical, 0, top, h));
    }
    Coefficients horizontal = coefficients(in.width(), width);
    return new RgbImage(w, h, bothPasses(in, horizontal, vertical, left, top, w, h));
  }

  /**
   * The horizontal pass, then the vertical one; like Pillow, the horizontal pass only covers the
   * source rows the vertical pass will read.
   */
  private static byte[] bothPasses(
      RgbImage in,
      Coefficients horizontal,
      Coefficients vertical,
      int left,
      int top,
      int w,
      int h) {
    int firstRow = vertical.start(top);
    int rowCount = vertical.start(top + h - 1) + vertical.count(top + h - 1) - firstRow;
    byte[] rows = horizontal(in, horizontal, left, w, firstRow, rowCount);
    return vertical(rows, w, 0, w, vertical, firstRow, top, h);
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
    byte[] out = new byte[w * rowCount * 3];
    for (int y = 0; y < rowCount; y++) {
      int rowBase = (firstRow + y) * in.width() * 3;
      int o = y * w * 3;
      for (int x = left; x < left + w; x++, o += 3) {
        horizontalPixel(in.rgb(), rowBase + k.start(x) * 3, k, x, out, o);
      }
    }
    return out;
  }

  /**
   * Output pixel {@code x} of a row from source pixels starting at byte {@code p}, into {@code o}.
   */
  private static void horizontalPixel(byte[] src, int p, Coefficients k, int x, byte[] out, int o) {
    int weights = x * k.kernelSize();
    int r = 1 << (PRECISION_BITS - 1);
    int g = r;
    int b = r;
    for (int i = 0; i < k.count(x); i++, p += 3) {
      int weight = k.weights()[weights + i];
      r += (src[p] & 0xFF) * weight;
      g += (src[p + 1] & 0xFF) * weight;
      b += (src[p + 2] & 0xFF) * weight;
    }
    out[o] = clip8(r);
    out[o + 1] = clip8(g);
    out[o + 2] = clip8(b);
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
      int kernelSize = (int) Math.ceil(SUPPORT * filterScale) * 2 + 1;
      Coefficients made =
          new Coefficients(
              outSize, kernelSize, new int[outSize * 2], new int[outSize * kernelSize]);
      double[] k = new double[kernelSize];
      for (int xx = 0; xx < outSize; xx++) {
        made.fill(xx, inSize, scale, filterScale, k);
      }
      return made;
    }

    /** Output pixel {@code xx}: its source window and fixed-point weights ({@code k} scratch). */
    private void fill(int xx, int inSize, double scale, double filterScale, double[] k) {
      double support = SUPPORT * filterScale;
      double center = (xx + 0.5) * scale;
      int xmin = Math.max((int) (center - support + 0.5), 0);
      int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
      double total = sampleKernel(k, xmin, xmax, center, 1.0 / filterScale);
      for (int x = 0; x < xmax; x++) {
        double w = total != 0.0 ? k[x] / total : k[x];
        weights[xx * kernelSize + x] = toFixedPoint(w);
      }
      bounds[xx * 2] = xmin;
      bounds[xx * 2 + 1] = xmax;
    }

    /** The cubic kernel at the window's {@code count} source pixels, into {@code k}; their sum. */
    private static double sampleKernel(double[] k, int xmin, int count, double center, double ss) {
      double total = 0.0;
      for (int x = 0; x < count; x++) {
        k[x] = cubic((x + xmin - center + 0.5) * ss);
        total += k[x];
      }
      return total;
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
