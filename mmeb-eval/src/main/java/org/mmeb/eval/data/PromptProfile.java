package org.mmeb.eval.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.UserError;

/**
 * How the reference composes a backbone's texts (src/model/processor.py): the image and video
 * tokens it puts in front ({@code VLM_IMAGE_TOKENS}, {@code VLM_VIDEO_TOKENS}) and {@code
 * process_input_text}'s rule. The default, {@link #MMEB}, writes the placeholders {@code
 * <|image_1|>} and {@code <|video_1|>}, which an encoder's {@code instruction} setting keeps,
 * strips or replaces; a model spec's {@code prompt_profile} instead names a backbone, and the
 * readers then write exactly that backbone's texts.
 *
 * @param imageToken null where the reference has none for the backbone
 * @param videoToken null where the reference has none (Phi-3-V: its video tasks fail there too)
 * @param tokenFree GME and LamRA: {@code process_input_text} returns {@code instruction + " " +
 *     text}, or {@code instruction + " "} without text, and never adds a token
 */
public record PromptProfile(String name, String imageToken, String videoToken, boolean tokenFree) {
  public static final PromptProfile MMEB =
      new PromptProfile("mmeb", PromptTokens.IMAGE, PromptTokens.VIDEO, false);

  private static final Map<String, PromptProfile> PROFILES = new LinkedHashMap<>();

  static {
    for (PromptProfile profile :
        List.of(
            MMEB,
            new PromptProfile("phi3_v", "<|image_1|>", null, false),
            new PromptProfile("llava_next", "<image>", "<image>", false),
            new PromptProfile("qwen2_vl", "<|image_pad|>", "<|video_pad|>", false),
            new PromptProfile("qwen2_5_vl", "<|image_pad|>", "<|video_pad|>", false),
            new PromptProfile("qwen2_vl_tokenselection", "<|image_pad|>", "<|video_pad|>", false),
            new PromptProfile("qwen2_5_vl_tokenselection", "<|image_pad|>", "<|video_pad|>", false),
            new PromptProfile("gme", "<|image_pad|>", "<|video_pad|>", true),
            new PromptProfile("lamra", "<|image_pad|>", "<|video_pad|>", true),
            new PromptProfile("lamra_qwen25", "<|image_pad|>", "<|video_pad|>", true),
            new PromptProfile("colpali", "", "", false))) {
      PROFILES.put(profile.name(), profile);
    }
  }

  /** The profile named by a model spec; null or absent = {@link #MMEB}. */
  public static PromptProfile named(String name) {
    if (name == null) {
      return MMEB;
    }
    PromptProfile profile = PROFILES.get(name);
    if (profile == null) {
      throw new UserError(
          "unknown prompt_profile '"
              + name
              + "' (known: "
              + String.join(", ", PROFILES.keySet())
              + "; e5_v and internvideo2 compose texts by other rules and are not supported)");
    }
    return profile;
  }

  public static List<String> names() {
    return List.copyOf(PROFILES.keySet());
  }

  /** {@code process_input_text(instruction, backbone, text, add_video_token, add_image_token)}. */
  public String processInputText(
      String instruction, String text, boolean addVideoToken, boolean addImageToken) {
    boolean hasText = text != null && !text.isEmpty();
    if (tokenFree) {
      return hasText ? instruction + " " + text : instruction + " ";
    }
    String prompt = hasText ? instruction + " " + text : instruction;
    if (addVideoToken) {
      prompt = video() + " " + prompt;
    }
    if (addImageToken) {
      prompt = image() + " " + prompt;
    }
    return prompt;
  }

  /** The image token, for the places that add it directly. */
  public String image() {
    if (imageToken == null) {
      throw new UserError("prompt profile " + name + " has no image token in the reference");
    }
    return imageToken;
  }

  /** The video token ({@code VLM_VIDEO_TOKENS[backbone]}, e.g. in the video QA parsers). */
  public String video() {
    if (videoToken == null) {
      throw new UserError(
          "prompt profile "
              + name
              + " has no video token in the reference (VLM_VIDEO_TOKENS): it cannot read video"
              + " tasks");
    }
    return videoToken;
  }
}
