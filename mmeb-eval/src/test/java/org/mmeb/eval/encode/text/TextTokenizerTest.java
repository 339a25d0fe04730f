package org.mmeb.eval.encode.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.UserError;

/** Padding side, pad id, pad-to-max-length and truncation, on the tiny word-level tokenizer. */
class TextTokenizerTest {
  private static final Path FILE =
      Path.of("mmeb-eval/src/test/resources/encode/tiny/tokenizer.json");
  // vocabulary: [PAD]=0 [UNK]=1 a=2 red=3 green=4 blue=5 circle=6 ...
  private static final List<String> TEXTS = List.of("red circle", "a");

  private static TokenBatch tokenize(TokenizerSpec spec, List<String> texts) {
    try (TextTokenizer tokenizer = TextTokenizer.open(FILE, spec)) {
      return tokenizer.tokenize(texts);
    }
  }

  @Test
  void rightPaddingToTheLongestRowWithThePadId() {
    TokenBatch b = tokenize(new TokenizerSpec("t", 8, 9, TokenizerSpec.Side.RIGHT, null), TEXTS);
    assertThat(b.length()).isEqualTo(2);
    assertThat(b.ids()).containsExactly(3, 6, 2, 9);
    assertThat(b.mask()).containsExactly(1, 1, 1, 0);
  }

  @Test
  void leftPaddingPutsTheTokensAtTheEnd() {
    TokenBatch b = tokenize(new TokenizerSpec("t", 8, 0, TokenizerSpec.Side.LEFT, null), TEXTS);
    assertThat(b.ids()).containsExactly(3, 6, 0, 2);
    assertThat(b.mask()).containsExactly(1, 1, 0, 1);
  }

  @Test
  void padToMaxLengthAndTruncate() {
    TokenizerSpec spec =
        new TokenizerSpec("t", 3, 0, TokenizerSpec.Side.RIGHT, TokenizerSpec.PadTo.MAX_LENGTH);
    TokenBatch b = tokenize(spec, List.of("a red green blue circle", "blue"));
    assertThat(b.length()).isEqualTo(3);
    assertThat(b.ids()).containsExactly(2, 3, 4, 5, 0, 0);
  }

  @Test
  void unreadableTokenizerIsOneLineNamingTheFile() {
    Path bad = Path.of("mmeb-eval/src/test/resources/encode/tiny/dual.json");
    assertThatThrownBy(
            () -> TextTokenizer.open(bad, new TokenizerSpec("t", 8, 0, null, null)).close())
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(bad + ": not a loadable tokenizer.json");
  }
}
