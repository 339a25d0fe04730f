package org.mmeb.eval.encode.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The text side of a model: a Hugging Face {@code tokenizer.json}, truncation length and padding.
 * Padding is done here, not by the tokenizer file, so that pad id and side are explicit.
 *
 * @param padTo {@code longest} pads a batch to its longest row; {@code max_length} pads every row
 *     to {@code max_length} (SigLIP was trained that way and its text tower has no attention mask)
 */
public record TokenizerSpec(
    String file,
    @JsonProperty("max_length") int maxLength,
    @JsonProperty("pad_id") long padId,
    @JsonProperty("pad_side") Side padSide,
    @JsonProperty("pad_to") PadTo padTo) {

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

  public TokenizerSpec {
    Objects.requireNonNull(file, "tokenizer.file");
    if (maxLength <= 0) {
      throw new IllegalArgumentException("tokenizer.max_length must be > 0, got " + maxLength);
    }
    padSide = padSide == null ? Side.RIGHT : padSide;
    padTo = padTo == null ? PadTo.LONGEST : padTo;
  }
}
