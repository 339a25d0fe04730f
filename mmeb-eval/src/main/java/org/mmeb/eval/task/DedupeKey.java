package org.mmeb.eval.task;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which field makes two items "the same" so that each is encoded once. V1 dedupes on the (text,
 * image path) pair; V2 dedupes candidates on a per-parser name, first occurrence wins.
 */
public enum DedupeKey {
  @JsonProperty("text_and_image")
  TEXT_AND_IMAGE,
  @JsonProperty("target_text")
  TARGET_TEXT,
  @JsonProperty("target_image")
  TARGET_IMAGE,
  @JsonProperty("target_image_and_text")
  TARGET_IMAGE_AND_TEXT,
  @JsonProperty("corpus_id")
  CORPUS_ID,
  @JsonProperty("video_id")
  VIDEO_ID
}
