package org.mmeb.eval.encode.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.images.ImageBytes;
import org.mmeb.eval.data.images.ZipImageStore;

/**
 * Images a stranger can hand us, written by Pillow (scripts/make_hostile_image_fixtures.py, which
 * also asserts that Pillow refuses each): a 26000 x 26000 PNG of 80 KB (OOM before), a JPEG cut to
 * 60% (accepted before; Pillow: "image file is truncated"), a PNG cut to 60%. The zip bomb is
 * written here: an archive, not an image, and 256 MB of zeros packs to no less than 250 KB.
 */
class HostileImagesTest {
  static final Path HOSTILE = Path.of("mmeb-eval/src/test/resources/encode/hostile");
  @TempDir Path dir;

  static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(HOSTILE.resolve(name));
  }

  @Test
  void aPngDeclaringMorePixelsThanPillowAllowsIsRefusedFromItsHeader() throws Exception {
    assertThatThrownBy(() -> ImageDecoder.decode(fixture("bomb-26000.png")))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "image of 26000 x 26000 = 676000000 pixels is above the limit of 178956970 (Pillow's"
                + " DecompressionBombError)");
  }

  @Test
  void aJpegCutTo60PercentIsRefusedAsPillowDoes() throws Exception {
    assertThat(ImageDecoder.decode(fixture("noise.jpg")).width()).isEqualTo(96);
    assertThatThrownBy(() -> ImageDecoder.decode(fixture("noise-cut-60.jpg")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("image file is truncated");
  }

  @Test
  void aPngCutTo60PercentIsRefusedAsPillowDoes() throws Exception {
    assertThat(ImageDecoder.decode(fixture("noise.png")).width()).isEqualTo(64);
    assertThatThrownBy(() -> ImageDecoder.decode(fixture("noise-cut-60.png")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("image file is truncated");
  }

  @Test
  void aZipEntryExpandingPastTheCapIsRefusedWithoutReadingItAll() throws Exception {
    Path zip = dir.resolve("bomb.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.setLevel(1);
      out.putNextEntry(new ZipEntry("bomb.png"));
      byte[] zeros = new byte[1 << 20];
      for (long written = 0; written <= ImageBytes.MAX_BYTES; written += zeros.length) {
        out.write(zeros);
      }
      out.closeEntry();
    }
    assertThat(Files.size(zip)).isLessThan(2L << 20);
    try (ZipImageStore store = new ZipImageStore(zip)) {
      assertThatThrownBy(() -> store.read("bomb.png"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("bomb.png expands to ")
          .hasMessageContaining("above the limit of 256 MB for one image");
    }
  }
}
