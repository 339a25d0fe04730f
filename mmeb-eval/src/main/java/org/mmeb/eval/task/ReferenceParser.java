package org.mmeb.eval.task;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The VLM2Vec dataset parser ({@code src/data/eval_dataset/*.py}) whose rules a task's reader
 * follows: how texts are composed, which columns are read and how candidates are named.
 */
public enum ReferenceParser {
  IMAGE_CLS,
  IMAGE_I2T,
  IMAGE_T2I,
  IMAGE_QA,
  IMAGE_I2I_VG,
  VIDORE,
  VISRAG,
  VIDEO_CLASSIFICATION,
  SSV2,
  MSRVTT,
  MSVD,
  DIDEMO,
  YOUCOOK2,
  VATEX,
  NEXTQA,
  EGOSCHEMA,
  VIDEOMME,
  ACTIVITYNETQA,
  MVBENCH,
  MOMENT_RETRIEVAL,
  MOMENTSEEKER;

  /** The parser's name in task files: the reference's module name. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
