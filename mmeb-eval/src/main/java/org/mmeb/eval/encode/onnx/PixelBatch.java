package org.mmeb.eval.encode.onnx;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.stream.IntStream;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.encode.image.ImageDecoder;
import org.mmeb.eval.encode.image.ImagePreprocessor;
import org.mmeb.eval.encode.image.RgbImage;

/**
 * The images of a batch, decoded and preprocessed into one NCHW tensor in a pooled buffer; {@code
 * owners[i]} is the item whose image is tensor row {@code i} (a video item owns several rows).
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
      boolean blankRowForTextOnly,
      BatchBuffers buffers) {
    int[] owners = owners(items, blankRowForTextOnly);
    FloatBuffer pixels = buffers.floats(owners.length * preprocessor.tensorSize());
    long[] nanos = new long[2];
    int row = 0;
    for (Item item : items) {
      if (item.images().isEmpty() && blankRowForTextOnly) {
        blank(pixels, row++, preprocessor.tensorSize());
      }
      for (String path : item.images()) {
        writeImage(store, path, preprocessor, pixels, row++, nanos);
      }
    }
    return new PixelBatch(
        pixels, preprocessor.tensorShape(owners.length), owners, nanos[0], nanos[1]);
  }

  /** Decodes one image into tensor row {@code row}, adding to {decode, preprocess} nanos. */
  private static void writeImage(
      ImageStore store,
      String path,
      ImagePreprocessor preprocessor,
      FloatBuffer pixels,
      int row,
      long[] nanos) {
    long t0 = System.nanoTime();
    RgbImage image = decode(store, path);
    long t1 = System.nanoTime();
    preprocessor.writeChw(image, pixels, row * preprocessor.tensorSize());
    nanos[0] += t1 - t0;
    nanos[1] += System.nanoTime() - t1;
  }

  /** Zeros tensor row {@code row} (a pooled buffer holds an earlier batch's pixels). */
  private static void blank(FloatBuffer pixels, int row, int size) {
    for (int i = row * size; i < (row + 1) * size; i++) {
      pixels.put(i, 0f);
    }
  }

  /**
   * The item of each tensor row: one row per image, and with {@code blankRowForTextOnly} one (zero)
   * row for an item without an image.
   */
  private static int[] owners(List<Item> items, boolean blankRowForTextOnly) {
    return IntStream.range(0, items.size())
        .flatMap(
            i -> {
              int images = items.get(i).images().size();
              int rows = blankRowForTextOnly ? Math.max(1, images) : images;
              return IntStream.generate(() -> i).limit(rows);
            })
        .toArray();
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
