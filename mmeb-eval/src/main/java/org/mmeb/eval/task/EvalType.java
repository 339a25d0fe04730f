package org.mmeb.eval.task;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code local}: each query ranks its own candidate list. {@code global}: each query ranks the
 * whole deduplicated candidate set of the task (all visdoc tasks, most video CLS/RET tasks).
 */
public enum EvalType {
  @JsonProperty("local")
  LOCAL,
  @JsonProperty("global")
  GLOBAL
}
