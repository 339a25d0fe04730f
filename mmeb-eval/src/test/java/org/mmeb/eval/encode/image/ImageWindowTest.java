package org.mmeb.eval.encode.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of preprocessing against the plain ones they replace: a crop window of a resize
 * equals the crop of the whole resize byte for byte, and the table-driven CHW writer equals Hugging
 * Face's rescale-then-normalise arithmetic bit for bit.
 */
class ImageWindowTest {
  @Test
  void aWindowOfTheResizeEqualsTheCropOfTheWholeResize() {
    SplittableRandom random = new SplittableRandom(4);
    for (int trial = 0; trial < 60; trial++) {
      RgbImage in = noise(random, 1 + random.nextInt(90), 1 + random.nextInt(90));
      int width = random.nextBoolean() ? in.width() : 1 + random.nextInt(120);
      int height = random.nextBoolean() ? in.height() : 1 + random.nextInt(120);
      int w = 1 + random.nextInt(width);
      int h = 1 + random.nextInt(height);
      int left = random.nextInt(width - w + 1);
      int top = random.nextInt(height - h + 1);
      RgbImage whole = PillowBicubicResize.resize(in, width, height);
      assertThat(PillowBicubicResize.window(in, width, height, left, top, w, h).rgb())
          .as(
              "%dx%d -> %dx%d, window %dx%d at %d,%d",
              in.width(), in.height(), width, height, w, h, left, top)
          .isEqualTo(whole.crop(left, top, w, h).rgb());
    }
  }

  @Test
  void theChwTensorIsTheRescaleAndNormalisationOfTheCroppedImageBitForBit() {
    SplittableRandom random = new SplittableRandom(5);
    ImageSpec spec =
        new ImageSpec(
            ImageSpec.Resize.SHORTEST_SIDE,
            40,
            null,
            null,
            32,
            1 / 255.0,
            new double[] {0.48145466, 0.4578275, 0.40821073},
            new double[] {0.26862954, 0.26130258, 0.27577711});
    ImagePreprocessor preprocessor = new ImagePreprocessor(spec);
    for (int trial = 0; trial < 10; trial++) {
      RgbImage in = noise(random, 33 + random.nextInt(80), 33 + random.nextInt(80));
      FloatBuffer out = FloatBuffer.allocate(preprocessor.tensorSize() + 3);
      preprocessor.writeChw(in, out, 3);
      RgbImage ready = preprocessor.resizeAndCrop(in);
      int plane = ready.width() * ready.height();
      for (int c = 0; c < 3; c++) {
        float mean = (float) spec.mean()[c];
        float std = (float) spec.std()[c];
        for (int p = 0; p < plane; p++) {
          float scaled = (float) ((ready.rgb()[p * 3 + c] & 0xFF) * spec.rescale());
          assertThat(Float.floatToRawIntBits(out.get(3 + c * plane + p)))
              .isEqualTo(Float.floatToRawIntBits((scaled - mean) / std));
        }
      }
    }
  }

  private static RgbImage noise(SplittableRandom random, int w, int h) {
    byte[] rgb = new byte[w * h * 3];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (byte) random.nextInt(256);
    }
    return new RgbImage(w, h, rgb);
  }
}
