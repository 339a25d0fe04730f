package org.mmeb.eval.encode.image;

/**
 * Bicubic resize that reproduces Pillow's {@code Image.resize(size, BICUBIC)} on 8-bit RGB images
 * byte for byte (Pillow's {@code libImaging/Resample.c}): a separable convolution, horizontal pass
 * first, with the cubic kernel (a = -0.5, support 2) widened by the scale when downsampling,
 * weights normalised per output pixel, then rounded to 22-bit fixed point; each pass rounds and
 * clips to 8 bits, so the intermediate image is 8-bit as in Pillow.
 */
public final class PillowBicubicResize {
  private static final int PRECISION_BITS = 32 - 8 - 2;
  private static final double SUPPORT = 2.0;
  private static final double A = -0.5;

  private PillowBicubicResize() {}

  public static RgbImage resize(RgbImage in, int width, int height) {
    if (width == in.width() && height == in.height()) {
      return in;
    }
    Coefficients vertical = Coefficients.of(in.height(), height);
    byte[] rows = in.rgb();
    int firstRow = 0;
    int rowCount = in.height();
    if (width != in.width()) {
      // Like Pillow, the horizontal pass only covers the source rows the vertical pass will read.
      firstRow = vertical.start(0);
      rowCount = vertical.start(height - 1) + vertical.count(height - 1) - firstRow;
      rows = horizontal(in, Coefficients.of(in.width(), width), firstRow, rowCount);
    }
    if (height == in.height()) {
      return new RgbImage(width, height, rows);
    }
    return new RgbImage(width, height, vertical(rows, width, vertical, firstRow, height));
  }

  private static byte[] horizontal(RgbImage in, Coefficients k, int firstRow, int rowCount) {
    int outWidth = k.outSize();
    byte[] src = in.rgb();
    byte[] out = new byte[outWidth * rowCount * 3];
    for (int y = 0; y < rowCount; y++) {
      int rowBase = (firstRow + y) * in.width() * 3;
      for (int x = 0; x < outWidth; x++) {
        int start = k.start(x);
        for (int c = 0; c < 3; c++) {
          int sum = 1 << (PRECISION_BITS - 1);
          for (int i = 0; i < k.count(x); i++) {
            sum += (src[rowBase + (start + i) * 3 + c] & 0xFF) * k.weight(x, i);
          }
          out[(y * outWidth + x) * 3 + c] = clip8(sum);
        }
      }
    }
    return out;
  }

  private static byte[] vertical(byte[] src, int width, Coefficients k, int firstRow, int height) {
    byte[] out = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      int start = k.start(y) - firstRow;
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < 3; c++) {
          int sum = 1 << (PRECISION_BITS - 1);
          for (int i = 0; i < k.count(y); i++) {
            sum += (src[((start + i) * width + x) * 3 + c] & 0xFF) * k.weight(y, i);
          }
          out[(y * width + x) * 3 + c] = clip8(sum);
        }
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
