package org.mmeb.eval.encode.image;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Decodes PNG/JPEG/BMP/GIF bytes to 8-bit RGB the way Pillow's {@code convert("RGB")} does: grey is
 * replicated (read from the raster: Java's {@code getRGB} would gamma-convert its linear grey),
 * alpha is dropped without compositing, 16-bit samples keep their high byte, palettes are looked
 * up. JPEG decoders differ slightly between libjpeg and Java, so JPEG pixels may differ by a level.
 */
public final class ImageDecoder {
  static {
    ImageIO.setUseCache(false);
  }

  private ImageDecoder() {}

  /** The decoded image, or an IOException naming what could not be read. */
  public static RgbImage decode(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    if (image == null) {
      throw new IOException("not a PNG, JPEG, BMP or GIF image (" + bytes.length + " bytes)");
    }
    return image.getColorModel() instanceof ComponentColorModel model
        ? fromRaster(image.getRaster(), model)
        : fromArgb(image);
  }

  private static RgbImage fromRaster(Raster raster, ComponentColorModel model) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int colors = model.getNumColorComponents();
    int shift = Math.max(model.getComponentSize(0) - 8, 0);
    int bands = raster.getNumBands();
    byte[] rgb = new byte[w * h * 3];
    int[] row = new int[w * bands];
    for (int y = 0; y < h; y++) {
      raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          rgb[(y * w + x) * 3 + c] = (byte) (row[x * bands + (colors == 1 ? 0 : c)] >> shift);
        }
      }
    }
    return new RgbImage(w, h, rgb);
  }

  private static RgbImage fromArgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    byte[] rgb = new byte[w * h * 3];
    for (int i = 0; i < argb.length; i++) {
      rgb[i * 3] = (byte) (argb[i] >> 16);
      rgb[i * 3 + 1] = (byte) (argb[i] >> 8);
      rgb[i * 3 + 2] = (byte) argb[i];
    }
    return new RgbImage(w, h, rgb);
  }
}
