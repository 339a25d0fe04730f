package org.mmeb.eval.task;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The on-disk shape of a task's data; each layout has one reader. */
public enum Layout {
  /**
   * {@code <Dataset>/test-00000-of-00001.parquet}: qry_text, qry_img_path, tgt_text[],
   * tgt_img_path[].
   */
  @JsonProperty("mmeb-v1-parquet")
  MMEB_V1_PARQUET,
  /** As V1 plus qry_inst and tgt_inst columns (ziyjiang/MMEB_Test_Instruct). */
  @JsonProperty("mmeb-v2-image-parquet")
  MMEB_V2_IMAGE_PARQUET,
  /** BEIR-style queries, corpus (page images) and qrels parquet files. */
  @JsonProperty("beir-visdoc")
  BEIR_VISDOC,
  /** A parquet of rows naming videos, with pre-extracted frames in folders. */
  @JsonProperty("video-frames")
  VIDEO_FRAMES
}
