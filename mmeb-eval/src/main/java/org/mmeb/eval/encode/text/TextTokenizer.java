package org.mmeb.eval.encode.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mmeb.eval.UserError;

/**
 * Tokenizes texts with a Hugging Face {@code tokenizer.json} (through DJL) and pads them as the
 * {@link TokenizerSpec} says. Thread-safe: the native tokenizer is immutable once built. A text is
 * tokenized once per tokenizer (up to {@value #CACHED_TEXTS} distinct texts are remembered), and
 * the new texts of a batch in one native call.
 */
public final class TextTokenizer implements AutoCloseable {
  /** Distinct texts whose ids are kept (a text repeats across items, e.g. an instruction). */
  private static final int CACHED_TEXTS = 1 << 16;

  private final HuggingFaceTokenizer tokenizer;
  private final TokenizerSpec spec;
  private final Map<String, long[]> idsByText = new ConcurrentHashMap<>();

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
    long[][] rows = ids(texts);
    int length = paddedLength(rows);
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
      maskEveryNonPadToken(ids, mask);
    }
    return new TokenBatch(ids, mask, rows.length, length);
  }

  /** The {@code not_pad} mask rule: every token that is not the pad id counts, padding or not. */
  private void maskEveryNonPadToken(long[] ids, long[] mask) {
    for (int t = 0; t < ids.length; t++) {
      mask[t] = ids[t] != spec.padId() ? 1L : 0L;
    }
  }

  /** The batch's row length: {@code max_length}, or its longest row (at least one token). */
  private int paddedLength(long[][] rows) {
    if (spec.padTo() == TokenizerSpec.PadTo.MAX_LENGTH) {
      return spec.maxLength();
    }
    int longest = 1;
    for (long[] row : rows) {
      longest = Math.max(longest, row.length);
    }
    return longest;
  }

  /**
   * Token ids per text (shared arrays: read only). Texts seen before come from the cache; the
   * batch's other distinct texts go to the native tokenizer in one call.
   */
  private long[][] ids(List<String> texts) {
    long[][] rows = new long[texts.size()][];
    Map<String, List<Integer>> missing = new LinkedHashMap<>();
    for (int i = 0; i < rows.length; i++) {
      rows[i] = idsByText.get(texts.get(i));
      if (rows[i] == null) {
        missing.computeIfAbsent(texts.get(i), text -> new ArrayList<>()).add(i);
      }
    }
    if (!missing.isEmpty()) {
      tokenizeMissing(missing, rows);
    }
    return rows;
  }

  /**
   * Tokenizes the distinct texts not seen before in one native call, caches them (up to {@link
   * #CACHED_TEXTS}) and fills the rows that wait for them.
   */
  private void tokenizeMissing(Map<String, List<Integer>> missing, long[][] rows) {
    List<String> distinct = new ArrayList<>(missing.keySet());
    Encoding[] encodings =
        tokenizer.batchEncode(distinct.stream().map(spec.textNormalizer()::apply).toList());
    for (int d = 0; d < encodings.length; d++) {
      long[] ids = encodings[d].getIds();
      if (idsByText.size() < CACHED_TEXTS) {
        idsByText.put(distinct.get(d), ids);
      }
      for (int i : missing.get(distinct.get(d))) {
        rows[i] = ids;
      }
    }
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
