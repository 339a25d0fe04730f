package org.mmeb.eval.encode.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.mmeb.eval.UserError;

/**
 * Tokenizes texts with a Hugging Face {@code tokenizer.json} (through DJL) and pads them as the
 * {@link TokenizerSpec} says. Thread-safe: the native tokenizer is immutable once built.
 */
public final class TextTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;
  private final TokenizerSpec spec;

  private TextTokenizer(HuggingFaceTokenizer tokenizer, TokenizerSpec spec) {
    this.tokenizer = tokenizer;
    this.spec = spec;
  }

  public static TextTokenizer open(Path file, TokenizerSpec spec) {
    try {
      HuggingFaceTokenizer tokenizer =
          HuggingFaceTokenizer.builder()
              .optTokenizerPath(file)
              .optAddSpecialTokens(true)
              .optPadding(false)
              .optTruncation(true)
              .optMaxLength(spec.maxLength())
              .build();
      return new TextTokenizer(tokenizer, spec);
    } catch (IOException | RuntimeException e) {
      throw new UserError(file + ": not a loadable tokenizer.json: " + e.getMessage(), e);
    }
  }

  public TokenBatch tokenize(List<String> texts) {
    long[][] rows = new long[texts.size()][];
    int longest = 1;
    for (int i = 0; i < rows.length; i++) {
      Encoding encoding = tokenizer.encode(spec.textNormalizer().apply(texts.get(i)));
      rows[i] = encoding.getIds();
      longest = Math.max(longest, rows[i].length);
    }
    int length = spec.padTo() == TokenizerSpec.PadTo.MAX_LENGTH ? spec.maxLength() : longest;
    long[] ids = new long[rows.length * length];
    long[] mask = new long[rows.length * length];
    Arrays.fill(ids, spec.padId());
    for (int i = 0; i < rows.length; i++) {
      int offset = spec.padSide() == TokenizerSpec.Side.LEFT ? length - rows[i].length : 0;
      int start = i * length + offset;
      System.arraycopy(rows[i], 0, ids, start, rows[i].length);
      Arrays.fill(mask, start, start + rows[i].length, 1L);
    }
    if (spec.maskRule() == TokenizerSpec.MaskRule.NOT_PAD) {
      for (int t = 0; t < ids.length; t++) {
        mask[t] = ids[t] != spec.padId() ? 1L : 0L;
      }
    }
    return new TokenBatch(ids, mask, rows.length, length);
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
