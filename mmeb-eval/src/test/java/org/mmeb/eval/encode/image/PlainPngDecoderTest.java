package org.mmeb.eval.encode.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The plain-PNG path gives the pixels ImageIO gives, byte for byte, and leaves every other PNG to
 * ImageIO: on the PNGs Pillow wrote for the tests (grey, RGB, RGBA, palette, 16-bit) and on PNGs
 * ImageIO's writer makes with its adaptive row filters (all five filter types) in each colour type.
 */
class PlainPngDecoderTest {
  private static final Path RESOURCES = Path.of("mmeb-eval/src/test/resources");

  @Test
  void testPngsDecodeAsImageIoDecodesThem() throws Exception {
    List<Path> pngs;
    try (Stream<Path> files = Files.walk(RESOURCES)) {
      pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
    }
    int plain = 0;
    List<String> toImageIo = new ArrayList<>();
    for (Path png : pngs) {
      byte[] bytes = Files.readAllBytes(png);
      RgbImage fast = PlainPngDecoder.decode(bytes);
      if (fast == null) {
        toImageIo.add(png.getFileName().toString());
        continue;
      }
      plain++;
      assertSameImage(fast, ImageDecoder.decodeWithImageIo(bytes), png.toString());
    }
    assertThat(plain).isGreaterThan(20);
    assertThat(toImageIo).contains("palette_png_in.png");
  }

  @Test
  void everyColourTypeAndFilterMatchesImageIo() throws Exception {
    Random random = new Random(7);
    for (int type : new int[] {1, 2, 3, 4}) {
      for (int[] size : new int[][] {{1, 1}, {7, 5}, {64, 64}, {37, 100}}) {
        BufferedImage image = image(type, size[0], size[1], random);
        byte[] png = write(image, false);
        RgbImage fast = PlainPngDecoder.decode(png);
        assertThat(fast).as("type %d, %dx%d", type, size[0], size[1]).isNotNull();
        assertSameImage(fast, ImageDecoder.decodeWithImageIo(png), type + " " + size[0]);
      }
    }
  }

  @Test
  void rowsOfEachFilterTypeMatchImageIo() throws Exception {
    Random random = new Random(11);
    for (int channels : new int[] {1, 2, 3, 4}) {
      BufferedImage image = image(channels, 23, 15, random);
      byte[] png = withRowFilters(image.getRaster(), channels);
      RgbImage fast = PlainPngDecoder.decode(png);
      assertThat(fast).as("%d channels", channels).isNotNull();
      assertSameImage(fast, ImageDecoder.decodeWithImageIo(png), channels + " channels");
    }
  }

  @Test
  void interlacedCutAndDamagedPngsAreLeftToImageIo() throws Exception {
    BufferedImage image = image(3, 40, 30, new Random(3));
    assertThat(PlainPngDecoder.decode(write(image, true))).isNull();
    byte[] png = write(image, false);
    assertThat(PlainPngDecoder.decode(png)).isNotNull();
    assertThat(PlainPngDecoder.decode(Arrays.copyOf(png, png.length * 6 / 10))).isNull();
    byte[] flipped = png.clone();
    flipped[png.length / 2] ^= 0x10;
    assertThat(PlainPngDecoder.decode(flipped)).isNull();
    assertThat(PlainPngDecoder.decode(new byte[] {1, 2, 3})).isNull();
  }

  /** Grey (1), grey + alpha (2), RGB (3), RGBA (4) channels of noise over a gradient. */
  private static BufferedImage image(int channels, int w, int h, Random random) {
    int[] bits = new int[channels];
    Arrays.fill(bits, 8);
    ColorSpace space =
        ColorSpace.getInstance(channels <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
    boolean alpha = channels == 2 || channels == 4;
    ComponentColorModel model =
        new ComponentColorModel(
            space,
            bits,
            alpha,
            false,
            alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
            DataBuffer.TYPE_BYTE);
    WritableRaster raster = model.createCompatibleWritableRaster(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < channels; c++) {
          int smooth = (x * 7 + y * 3 + c * 50) & 0xFF;
          raster.setSample(x, y, c, (x + y) % 3 == 0 ? random.nextInt(256) : smooth);
        }
      }
    }
    return new BufferedImage(model, raster, false, null);
  }

  private static byte[] write(BufferedImage image, boolean interlaced) throws Exception {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (interlaced) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * A PNG whose row {@code y} uses filter {@code y % 5} (None, Sub, Up, Average, Paeth), written
   * from the PNG specification's filter definitions.
   */
  private static byte[] withRowFilters(WritableRaster raster, int channels) throws Exception {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int row = w * channels;
    byte[] pixels = new byte[h * row];
    raster.getDataElements(0, 0, w, h, pixels);
    ByteArrayOutputStream filtered = new ByteArrayOutputStream();
    for (int y = 0; y < h; y++) {
      filtered.write(y % 5);
      for (int i = 0; i < row; i++) {
        int a = i >= channels ? pixels[y * row + i - channels] & 0xFF : 0;
        int b = y > 0 ? pixels[(y - 1) * row + i] & 0xFF : 0;
        int c = i >= channels && y > 0 ? pixels[(y - 1) * row + i - channels] & 0xFF : 0;
        int p = a + b - c;
        int paeth =
            Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
                ? a
                : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
        int[] predictors = {0, a, b, (a + b) / 2, paeth};
        filtered.write((pixels[y * row + i] - predictors[y % 5]) & 0xFF);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(new byte[] {(byte) 137, 80, 78, 71, 13, 10, 26, 10});
    int colourType = new int[] {0, 0, 4, 2, 6}[channels];
    chunk(
        png,
        "IHDR",
        ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) colourType).array());
    Deflater deflater = new Deflater();
    deflater.setInput(filtered.toByteArray());
    deflater.finish();
    byte[] zlib = new byte[filtered.size() * 2 + 64];
    chunk(png, "IDAT", Arrays.copyOf(zlib, deflater.deflate(zlib)));
    deflater.end();
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] typed =
        (type + new String(data, StandardCharsets.ISO_8859_1))
            .getBytes(StandardCharsets.ISO_8859_1);
    CRC32 crc = new CRC32();
    crc.update(typed);
    png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    png.writeBytes(typed);
    png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static void assertSameImage(RgbImage actual, RgbImage expected, String what) {
    assertThat(actual.width()).as(what).isEqualTo(expected.width());
    assertThat(actual.height()).as(what).isEqualTo(expected.height());
    assertThat(actual.rgb()).as(what).isEqualTo(expected.rgb());
  }
}
