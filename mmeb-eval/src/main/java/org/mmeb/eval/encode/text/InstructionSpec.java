package org.mmeb.eval.encode.text;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What to do with the image placeholder the MMEB instructions carry ({@code <|image_1|>}, Phi-3-V's
 * token): keep it, strip it (CLIP-style models, whose text tower has no image token) or replace it
 * with the model's own token. Like the reference code, this is a plain string replacement: the
 * newline that usually follows the token stays.
 */
public record InstructionSpec(
    Mode mode, @JsonProperty("image_token") String imageToken, String replacement) {

  public static final String MMEB_IMAGE_TOKEN = "<|image_1|>";
  public static final InstructionSpec STRIP = new InstructionSpec(Mode.STRIP, null, null);
  public static final InstructionSpec KEEP = new InstructionSpec(Mode.KEEP, null, null);

  /** The three ways to handle the placeholder. */
  public enum Mode {
    @JsonProperty("keep")
    KEEP,
    @JsonProperty("strip")
    STRIP,
    @JsonProperty("replace")
    REPLACE
  }

  public InstructionSpec {
    mode = mode == null ? Mode.STRIP : mode;
    imageToken = imageToken == null ? MMEB_IMAGE_TOKEN : imageToken;
    if (mode == Mode.REPLACE && replacement == null) {
      throw new IllegalArgumentException("instruction mode 'replace' needs a 'replacement'");
    }
  }

  public String apply(String text) {
    return switch (mode) {
      case KEEP -> text;
      case STRIP -> text.replace(imageToken, "");
      case REPLACE -> text.replace(imageToken, replacement);
    };
  }
}
