package org.mmeb.eval.encode.onnx;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.image.ImageDecoder;
import org.mmeb.eval.encode.image.ImagePreprocessor;
import org.mmeb.eval.encode.image.RgbImage;

/**
 * The images of a batch, decoded and preprocessed into one NCHW tensor; {@code owners[i]} is the
 * item whose image is tensor row {@code i} (a video item owns several rows).
 */
record PixelBatch(
    FloatBuffer pixels, long[] shape, int[] owners, long decodeNanos, long preprocessNanos) {

  /**
   * Decodes every image of {@code items}; with {@code blankRowForTextOnly}, an item without an
   * image gets a zero row (single graphs take pixels for every row).
   */
  static PixelBatch of(
      List<Item> items,
      ImageStore store,
      ImagePreprocessor preprocessor,
      int height,
      int width,
      boolean blankRowForTextOnly) {
    int rows = 0;
    for (Item item : items) {
      rows += blankRowForTextOnly ? Math.max(1, item.images().size()) : item.images().size();
    }
    FloatBuffer pixels = GraphInputs.directFloats(rows * preprocessor.tensorSize());
    int[] owners = new int[rows];
    long decode = 0;
    long preprocess = 0;
    int row = 0;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      if (item.images().isEmpty() && blankRowForTextOnly) {
        owners[row++] = i;
      }
      for (String path : item.images()) {
        long t0 = System.nanoTime();
        RgbImage image = decode(store, path);
        long t1 = System.nanoTime();
        preprocessor.writeChw(image, pixels, row * preprocessor.tensorSize());
        decode += t1 - t0;
        preprocess += System.nanoTime() - t1;
        owners[row++] = i;
      }
    }
    return new PixelBatch(pixels, new long[] {rows, 3, height, width}, owners, decode, preprocess);
  }

  int rows() {
    return owners.length;
  }

  private static RgbImage decode(ImageStore store, String path) {
    byte[] bytes;
    try {
      bytes = store.read(path);
    } catch (IOException e) {
      throw new UserError(
          store.describe() + ": cannot read image '" + path + "': " + e.getMessage(), e);
    }
    try {
      return ImageDecoder.decode(bytes);
    } catch (IOException | RuntimeException e) {
      throw new UserError(
          store.describe() + ": image '" + path + "' cannot be decoded: " + e.getMessage(), e);
    }
  }
}
