package org.mmeb.eval.encode.image;

/** An 8-bit RGB image, row-major, interleaved: {@code rgb[(y * width + x) * 3 + channel]}. */
public record RgbImage(int width, int height, byte[] rgb) {
  public RgbImage {
    if (rgb.length != width * height * 3) {
      throw new IllegalArgumentException(
          "RGB buffer of " + rgb.length + " bytes for a " + width + "x" + height + " image");
    }
  }

  public int at(int x, int y, int channel) {
    return rgb[(y * width + x) * 3 + channel] & 0xFF;
  }

  /** The {@code w x h} region whose top-left corner is ({@code left}, {@code top}). */
  public RgbImage crop(int left, int top, int w, int h) {
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      System.arraycopy(rgb, ((top + y) * width + left) * 3, out, y * w * 3, w * 3);
    }
    return new RgbImage(w, h, out);
  }
}
