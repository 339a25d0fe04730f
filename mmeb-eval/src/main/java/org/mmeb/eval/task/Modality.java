package org.mmeb.eval.task;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The modality group a task belongs to; MMEB-V2 reports one mean per group. */
public enum Modality {
  @JsonProperty("image")
  IMAGE,
  @JsonProperty("video")
  VIDEO,
  @JsonProperty("visdoc")
  VISDOC;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
