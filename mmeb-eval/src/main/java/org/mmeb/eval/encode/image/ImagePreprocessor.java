package org.mmeb.eval.encode.image;

import java.nio.FloatBuffer;

/**
 * Resizes, crops and normalises a decoded image into a model's NCHW float tensor: only the pixels
 * the crop keeps are resized, and the normalised values come from a 256-entry table per channel;
 * each channel plane goes to the batch buffer in one bulk put from a per-thread array (no
 * allocation per image). Immutable, thread-safe.
 */
public final class ImagePreprocessor {
  private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

  private final ImageSpec spec;
  private final float[][] levels;

  public ImagePreprocessor(ImageSpec spec) {
    this.spec = spec;
    this.levels = levels(spec);
  }

  /** Floats one image occupies in the batch tensor. */
  public int tensorSize() {
    return 3 * spec.tensorHeight() * spec.tensorWidth();
  }

  /** The NCHW shape of a batch of {@code rows} images. */
  public long[] tensorShape(int rows) {
    return new long[] {rows, 3, spec.tensorHeight(), spec.tensorWidth()};
  }

  /** The 8-bit image after resize and crop, before rescale and normalisation. */
  public RgbImage resizeAndCrop(RgbImage image) {
    int[] size = resizedSize(image);
    if (spec.crop() == null) {
      return PillowBicubicResize.resize(image, size[0], size[1]);
    }
    int crop = spec.crop();
    int left = spec.cropOffsets().offset(size[0] - crop);
    int top = spec.cropOffsets().offset(size[1] - crop);
    return PillowBicubicResize.window(image, size[0], size[1], left, top, crop, crop);
  }

  /**
   * Writes the image's normalised CHW tensor into {@code out} starting at index {@code offset}: one
   * pass over the interleaved pixels into the three planes, then one bulk put.
   */
  public void writeChw(RgbImage image, FloatBuffer out, int offset) {
    RgbImage ready = resizeAndCrop(image);
    byte[] rgb = ready.rgb();
    int plane = ready.width() * ready.height();
    float[] chw = scratch(3 * plane);
    float[] red = levels[0];
    float[] green = levels[1];
    float[] blue = levels[2];
    for (int p = 0, i = 0; p < plane; p++, i += 3) {
      chw[p] = red[rgb[i] & 0xFF];
      chw[plane + p] = green[rgb[i + 1] & 0xFF];
      chw[2 * plane + p] = blue[rgb[i + 2] & 0xFF];
    }
    out.put(offset, chw, 0, 3 * plane);
  }

  /** A float array of at least {@code size} for this thread, kept between images. */
  private static float[] scratch(int size) {
    float[] known = SCRATCH.get();
    if (known.length < size) {
      known = new float[size];
      SCRATCH.set(known);
    }
    return known;
  }

  /**
   * Per channel, the normalised value of each 8-bit level, in float32 arithmetic in the order of
   * Hugging Face's rescale (float64 product) and normalize.
   */
  private static float[][] levels(ImageSpec spec) {
    float[][] levels = new float[3][256];
    for (int c = 0; c < 3; c++) {
      float mean = (float) spec.mean()[c];
      float std = (float) spec.std()[c];
      for (int v = 0; v < 256; v++) {
        float scaled = (float) (v * spec.rescale());
        levels[c][v] = (scaled - mean) / std;
      }
    }
    return levels;
  }

  /** {width, height} of the resize before the crop. */
  private int[] resizedSize(RgbImage image) {
    if (spec.resize() == ImageSpec.Resize.EXACT) {
      return new int[] {spec.exactWidth(), spec.exactHeight()};
    }
    int w = image.width();
    int h = image.height();
    int size = spec.size();
    // Hugging Face's get_resize_output_image_size: the long side is int(size * long / short).
    return w <= h
        ? new int[] {size, (int) ((double) size * h / w)}
        : new int[] {(int) ((double) size * w / h), size};
  }
}
