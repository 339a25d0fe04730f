package org.mmeb.eval.task;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The meta-task a dataset is reported under, as the papers name them: MMEB-V1's four (CLS, VQA,
 * RET, GD), MMEB-V2's image, video and visual-document groups, and the mini benchmark's VD.
 */
public enum MetaTask {
  CLS("CLS"),
  VQA("VQA"),
  RET("RET"),
  GD("GD"),
  I_CLS("I-CLS"),
  I_QA("I-QA"),
  I_RET("I-RET"),
  I_VG("I-VG"),
  V_CLS("V-CLS"),
  V_QA("V-QA"),
  V_RET("V-RET"),
  V_MRET("V-MRET"),
  VD("VD"),
  VD_VIDORE_V1("VD-ViDoRe-V1"),
  VD_VIDORE_V2("VD-ViDoRe-V2"),
  VD_VISRAG("VD-VisRAG"),
  VD_OOD("VD-OOD");

  private final String label;

  MetaTask(String label) {
    this.label = label;
  }

  /** The name in task files, results and tables. */
  @JsonValue
  public String label() {
    return label;
  }
}
