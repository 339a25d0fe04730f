package org.mmeb.eval.encode.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.data.images.ImageBytes;
import org.mmeb.eval.data.images.ZipImageStore;

/**
 * Images a stranger can hand us, written by Pillow (scripts/make_hostile_image_fixtures.py, which
 * also asserts that Pillow refuses each): a 26000 x 26000 PNG of 80 KB (OOM before), a JPEG cut to
 * 60% (accepted before; Pillow: "image file is truncated"), a PNG cut to 60%; and a zip bomb
 * written by Python's zipfile (257 MiB of zeros in 256 KB), once as written and once with its
 * entry's size rewritten to 1 MiB, so that only the cap on what is inflated stops it.
 */
class HostileImagesTest {
  static final Path HOSTILE = Path.of("mmeb-eval/src/test/resources/encode/hostile");

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
  void aZipEntryDeclaringMoreThanTheCapIsRefusedBeforeItIsInflated() throws Exception {
    assertBombEntryRefused("zip-bomb-257mb.zip", "269484032");
  }

  @Test
  void aZipEntryLyingAboutItsSizeIsInflatedOnlyUpToTheCap() throws Exception {
    assertBombEntryRefused("zip-bomb-257mb-declared-1mb.zip", "more than " + ImageBytes.MAX_BYTES);
  }

  private static void assertBombEntryRefused(String archive, String size) throws IOException {
    Path zip = HOSTILE.resolve(archive);
    try (ZipImageStore store = new ZipImageStore(zip)) {
      assertThatThrownBy(() -> store.read("MiniShapes/0003.png"))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "%s!MiniShapes/0003.png expands to %s bytes, above the limit of 256 MB for one image",
              zip, size);
    }
  }
}
