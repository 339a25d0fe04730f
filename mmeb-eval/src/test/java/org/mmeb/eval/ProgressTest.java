package org.mmeb.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text);

  @Test
  void theClosingLineCountsItemsWithRateAndTime() {
    Progress progress = Progress.items(out, "MiniShapes", 3, false);
    progress.advance(2);
    progress.advance(1);
    progress.finish("nothing to encode");
    assertThat(text.toString())
        .matches("MiniShapes: 3/3 items  [0-9.]+ items/s  took 0m[0-9]{2}s\n");
  }

  @Test
  void onATerminalTheBarIsRedrawnInPlace() {
    Progress progress = Progress.items(out, "MiniShapes", 4, true);
    progress.advance(4);
    progress.finish("nothing to encode");
    assertThat(text.toString())
        .matches("\rMiniShapes \\[#{24}\\] 4/4 items  [0-9.]+ items/s  took 0m[0-9]{2}s\n");
  }

  @Test
  void nothingToDoSaysSo() {
    Progress.items(out, "MiniShapes", 0, false)
        .finish("nothing to encode (every item is in the cache)");
    assertThat(text.toString())
        .isEqualTo("MiniShapes: nothing to encode (every item is in the cache)\n");
  }

  @Test
  void bytesAreMegabytesAndARateOfTheBytesThatMoved() {
    Progress progress = Progress.bytes(out, "  images.zip", 1_000_000, 3_000_000);
    progress.update(3_000_000);
    progress.finish("nothing to fetch");
    assertThat(text.toString())
        .matches("  images.zip: 3.0/3.0 MB  [0-9.]+ MB/s  took 0m[0-9]{2}s\n");
    assertThat(Progress.megabytes(12_345_678)).isEqualTo("12.3 MB");
  }
}
