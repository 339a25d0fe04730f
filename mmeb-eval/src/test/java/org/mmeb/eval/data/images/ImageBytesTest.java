package org.mmeb.eval.data.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading with a declared size gives the stream's bytes whatever the declaration says. */
class ImageBytesTest {
  private static final byte[] DATA = {1, 2, 3, 4, 5, 6, 7, 8, 9};

  @ParameterizedTest
  @ValueSource(longs = {-1, 0, 1, 4, 8, 9, 10, 1000, ImageBytes.MAX_BYTES + 1})
  void theStreamsBytesWhateverTheDeclaredSize(long declared) throws IOException {
    assertThat(ImageBytes.readCapped(new ByteArrayInputStream(DATA), "x", declared))
        .isEqualTo(DATA);
  }

  @Test
  void anExactDeclarationIsReadIntoOneArray() throws IOException {
    assertThat(ImageBytes.readCapped(new ByteArrayInputStream(new byte[0]), "x", 0)).isEmpty();
    assertThat(ImageBytes.readCapped(new ByteArrayInputStream(DATA), "x", DATA.length))
        .isEqualTo(DATA);
  }
}
