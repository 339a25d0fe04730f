package org.mmeb.eval.data;

/**
 * Placeholders in item texts where a model's own image or video token goes. MMEB-V1 texts carry
 * Phi-3-V's {@code <|image_1|>}; V2 texts are composed here with the same placeholder (the
 * reference composes them with each backbone's token), so an encoder handles one placeholder per
 * modality: replace it with its own token, or remove it (CLIP-style models).
 */
public final class PromptTokens {
  public static final String IMAGE = "<|image_1|>";
  public static final String VIDEO = "<|video_1|>";

  private PromptTokens() {}
}
