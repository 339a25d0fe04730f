package org.mmeb.eval.encode.image;

import java.nio.FloatBuffer;

/** Resizes, crops and normalises a decoded image into a model's NCHW float tensor. Stateless. */
public final class ImagePreprocessor {
  private final ImageSpec spec;

  public ImagePreprocessor(ImageSpec spec) {
    this.spec = spec;
  }

  /** Floats one image occupies in the batch tensor. */
  public int tensorSize() {
    return 3 * spec.tensorHeight() * spec.tensorWidth();
  }

  /** The 8-bit image after resize and crop, before rescale and normalisation. */
  public RgbImage resizeAndCrop(RgbImage image) {
    RgbImage resized = resize(image);
    if (spec.crop() == null) {
      return resized;
    }
    int crop = spec.crop();
    int left = spec.cropOffsets().offset(resized.width() - crop);
    int top = spec.cropOffsets().offset(resized.height() - crop);
    return resized.crop(left, top, crop, crop);
  }

  /** Writes the image's normalised CHW tensor into {@code out} starting at index {@code offset}. */
  public void writeChw(RgbImage image, FloatBuffer out, int offset) {
    RgbImage ready = resizeAndCrop(image);
    int plane = ready.width() * ready.height();
    for (int c = 0; c < 3; c++) {
      // float32 arithmetic in the order of Hugging Face's rescale (float64 product) and normalize.
      float mean = (float) spec.mean()[c];
      float std = (float) spec.std()[c];
      for (int p = 0; p < plane; p++) {
        float scaled = (float) ((ready.rgb()[p * 3 + c] & 0xFF) * spec.rescale());
        out.put(offset + c * plane + p, (scaled - mean) / std);
      }
    }
  }

  private RgbImage resize(RgbImage image) {
    if (spec.resize() == ImageSpec.Resize.EXACT) {
      return PillowBicubicResize.resize(image, spec.exactWidth(), spec.exactHeight());
    }
    int w = image.width();
    int h = image.height();
    int size = spec.size();
    // Hugging Face's get_resize_output_image_size: the long side is int(size * long / short).
    return w <= h
        ? PillowBicubicResize.resize(image, size, (int) ((double) size * h / w))
        : PillowBicubicResize.resize(image, (int) ((double) size * w / h), size);
  }
}
