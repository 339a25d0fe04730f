package org.mmeb.eval.encode.text;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The text side of a model: a Hugging Face {@code tokenizer.json}, truncation length and padding.
 * Padding is done here, not by the tokenizer file, so that pad id and side are explicit.
 *
 * @param padTo {@code longest} pads a batch to its longest row; {@code max_length} pads every row
 *     to {@code max_length} (SigLIP was trained that way and its text tower has no attention mask)
 * @param mask how the attention mask is set; null = {@link MaskRule#REAL_TOKENS}
 * @param normalizer text rewriting before tokenization; null = {@link TextNormalizer#NONE}
 */
public record TokenizerSpec(
    String file,
    @JsonProperty("max_length") int maxLength,
    @JsonProperty("pad_id") long padId,
    @JsonProperty("pad_side") Side padSide,
    @JsonProperty("pad_to") PadTo padTo,
    // Left null when absent so that specs without them keep their fingerprint.
    @JsonInclude(JsonInclude.Include.NON_NULL) MaskRule mask,
    @JsonInclude(JsonInclude.Include.NON_NULL) TextNormalizer normalizer) {

  /** Which end of a row receives the padding. */
  public enum Side {
    @JsonProperty("left")
    LEFT,
    @JsonProperty("right")
    RIGHT
  }

  /** How long a padded batch is. */
  public enum PadTo {
    @JsonProperty("longest")
    LONGEST,
    @JsonProperty("max_length")
    MAX_LENGTH
  }

  /**
   * How the attention mask is set. VLM2Vec's baseline collators compute {@code input_ids !=
   * pad_token_id}; for OpenAI CLIP and SigLIP the pad token is the end-of-text token, so the
   * end-of-text position is masked too.
   */
  public enum MaskRule {
    /** 1 on every token the tokenizer produced, 0 on padding. */
    @JsonProperty("real_tokens")
    REAL_TOKENS,
    /** 1 wherever the id differs from {@code pad_id}, wherever it came from. */
    @JsonProperty("not_pad")
    NOT_PAD
  }

  public TokenizerSpec(String file, int maxLength, long padId, Side padSide, PadTo padTo) {
    this(file, maxLength, padId, padSide, padTo, null, null);
  }

  public MaskRule maskRule() {
    return mask == null ? MaskRule.REAL_TOKENS : mask;
  }

  public TextNormalizer textNormalizer() {
    return normalizer == null ? TextNormalizer.NONE : normalizer;
  }

  public TokenizerSpec {
    Objects.requireNonNull(file, "tokenizer.file");
    if (maxLength <= 0) {
      throw new IllegalArgumentException("tokenizer.max_length must be > 0, got " + maxLength);
    }
    padSide = padSide == null ? Side.RIGHT : padSide;
    padTo = padTo == null ? PadTo.LONGEST : padTo;
  }
}
