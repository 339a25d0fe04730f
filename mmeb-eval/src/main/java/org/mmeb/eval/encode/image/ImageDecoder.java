package org.mmeb.eval.encode.image;

import java.awt.color.ColorSpace;
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
    if (model.getColorSpace().getType() == ColorSpace.TYPE_CMYK) {
      return fromAdobeCmyk(raster);
    }
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

  /**
   * CMYK JPEGs (ImageIO undoes the Adobe inversion, as Pillow does): Pillow's {@code cmyk2rgb},
   * {@code R = clip(nk - nk * C / 255)} with {@code nk = 255 - K}, in its rounding.
   */
  private static RgbImage fromAdobeCmyk(Raster raster) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    byte[] rgb = new byte[w * h * 3];
    int[] row = new int[w * 4];
    for (int y = 0; y < h; y++) {
      raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
      for (int x = 0; x < w; x++) {
        int nk = 255 - row[x * 4 + 3];
        for (int c = 0; c < 3; c++) {
          int tmp = row[x * 4 + c] * nk + 128;
          int v = nk - (((tmp >> 8) + tmp) >> 8);
          rgb[(y * w + x) * 3 + c] = (byte) Math.max(0, Math.min(255, v));
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
