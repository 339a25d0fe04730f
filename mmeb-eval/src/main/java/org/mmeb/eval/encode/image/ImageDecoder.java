package org.mmeb.eval.encode.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

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

  /**
   * Pillow's limit: above {@code 2 * Image.MAX_IMAGE_PIXELS} it raises DecompressionBombError
   * rather than decode (a 2 MB PNG can claim 26000 x 26000 pixels, 2 GB once decoded).
   */
  public static final long MAX_PIXELS = 178_956_970L;

  /** The decoded image, or an IOException naming what could not be read. */
  public static RgbImage decode(byte[] bytes) throws IOException {
    RgbImage plain = PlainPngDecoder.decode(bytes);
    return plain != null ? plain : decodeWithImageIo(bytes);
  }

  /** {@link #decode} without the plain-PNG path: every image through ImageIO. */
  static RgbImage decodeWithImageIo(byte[] bytes) throws IOException {
    BufferedImage image = read(bytes);
    return image.getColorModel() instanceof ComponentColorModel model
        ? fromRaster(image.getRaster(), model)
        : fromArgb(image);
  }

  /**
   * Decodes as {@code ImageIO.read} does, after checking the size the header declares against
   * {@link #MAX_PIXELS}, and refusing an image the decoder had to finish with made-up data (a JPEG
   * cut short: Pillow says "image file is truncated"; ImageIO would warn and fill it with grey).
   */
  public static BufferedImage read(byte[] bytes) throws IOException {
    try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
      ImageReader reader = firstReader(in, bytes.length);
      try {
        reader.setInput(in, true, true);
        checkPixelLimit(reader);
        return readUntruncated(reader);
      } finally {
        reader.dispose();
      }
    } catch (EOFException e) {
      throw new IOException("image file is truncated", e);
    } catch (IIOException e) {
      throw truncatedOrAsIs(e);
    }
  }

  /** A PNG whose compressed data ends early: Pillow says "image file is truncated" too. */
  private static IOException truncatedOrAsIs(IIOException e) {
    return e.getCause() instanceof EOFException
        ? new IOException("image file is truncated (" + e.getCause().getMessage() + ")", e)
        : e;
  }

  private static ImageReader firstReader(ImageInputStream in, int length) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    if (!readers.hasNext()) {
      throw new IOException("not a PNG, JPEG, BMP or GIF image (" + length + " bytes)");
    }
    return readers.next();
  }

  private static void checkPixelLimit(ImageReader reader) throws IOException {
    long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
    if (pixels > MAX_PIXELS) {
      throw new IOException(
          String.format(
              Locale.ROOT,
              "image of %d x %d = %d pixels is above the limit of %d (Pillow's"
                  + " DecompressionBombError)",
              reader.getWidth(0),
              reader.getHeight(0),
              pixels,
              MAX_PIXELS));
    }
  }

  /** Image 0, unless the decoder warned that the data ended early and it made the rest up. */
  private static BufferedImage readUntruncated(ImageReader reader) throws IOException {
    List<String> truncation = new ArrayList<>();
    reader.addIIOReadWarningListener(
        (source, warning) -> {
          if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
            truncation.add(warning);
          }
        });
    BufferedImage image = reader.read(0);
    if (!truncation.isEmpty()) {
      throw new IOException("image file is truncated (" + truncation.get(0) + ")");
    }
    return image;
  }

  private static RgbImage fromRaster(Raster raster, ComponentColorModel model) {
    boolean grey = model.getNumColorComponents() == 1;
    int shift = Math.max(model.getComponentSize(0) - 8, 0);
    if (model.getColorSpace().getType() == ColorSpace.TYPE_CMYK) {
      return fromAdobeCmyk(raster);
    }
    if (shift == 0 && interleavedBytes(raster)) {
      return fromInterleavedBytes(raster, grey);
    }
    return fromSamples(raster, grey, shift);
  }

  /** Any other raster, row by row: grey replicated, samples above 8 bits keep their high byte. */
  private static RgbImage fromSamples(Raster raster, boolean grey, int shift) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int bands = raster.getNumBands();
    byte[] rgb = new byte[w * h * 3];
    int[] row = new int[w * bands];
    for (int y = 0; y < h; y++) {
      raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          rgb[(y * w + x) * 3 + c] = (byte) (row[x * bands + (grey ? 0 : c)] >> shift);
        }
      }
    }
    return new RgbImage(w, h, rgb);
  }

  /** 8-bit samples interleaved in one byte array (what ImageIO gives for most PNGs and JPEGs). */
  private static boolean interleavedBytes(Raster raster) {
    return raster.getDataBuffer() instanceof DataBufferByte bytes
        && bytes.getNumBanks() == 1
        && raster.getSampleModel() instanceof PixelInterleavedSampleModel
        && raster.getSampleModelTranslateX() == 0
        && raster.getSampleModelTranslateY() == 0;
  }

  /**
   * The same pixels as the row-by-row path, read straight from the raster's bytes; a raster that
   * already is packed RGB (8-bit RGB PNGs) becomes the image without a copy.
   */
  private static RgbImage fromInterleavedBytes(Raster raster, boolean grey) {
    PixelInterleavedSampleModel model = (PixelInterleavedSampleModel) raster.getSampleModel();
    DataBufferByte buffer = (DataBufferByte) raster.getDataBuffer();
    byte[] data = buffer.getData();
    int w = raster.getWidth();
    int h = raster.getHeight();
    if (!grey && isPackedRgb(model, buffer, w, h)) {
      return new RgbImage(w, h, data);
    }
    return new RgbImage(w, h, copiedRgb(model, buffer, w, h, grey));
  }

  /** R, G, B of each pixel (grey replicated), wherever the raster's bands and rows lie. */
  private static byte[] copiedRgb(
      PixelInterleavedSampleModel model, DataBufferByte buffer, int w, int h, boolean grey) {
    byte[] data = buffer.getData();
    int stride = model.getPixelStride();
    int[] bands = model.getBandOffsets();
    int r = bands[0];
    int g = grey ? bands[0] : bands[1];
    int b = grey ? bands[0] : bands[2];
    byte[] rgb = new byte[w * h * 3];
    int o = 0;
    for (int y = 0; y < h; y++) {
      int p = buffer.getOffset() + y * model.getScanlineStride();
      for (int x = 0; x < w; x++, p += stride) {
        rgb[o++] = data[p + r];
        rgb[o++] = data[p + g];
        rgb[o++] = data[p + b];
      }
    }
    return rgb;
  }

  /** Rows of R, G, B bytes with nothing between pixels or rows, filling the whole array. */
  private static boolean isPackedRgb(
      PixelInterleavedSampleModel model, DataBufferByte buffer, int w, int h) {
    return model.getPixelStride() == 3
        && Arrays.equals(model.getBandOffsets(), new int[] {0, 1, 2})
        && model.getScanlineStride() == 3 * w
        && buffer.getOffset() == 0
        && buffer.getData().length == 3 * w * h;
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
