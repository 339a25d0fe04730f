package org.mmeb.eval.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One evaluation task as data: what to read, how to dedupe and rank, and which metric is the task's
 * score. Read from {@code tasks/<benchmark>/<name>.json}; unknown fields are rejected.
 */
public record TaskSpec(
    String name,
    String benchmark,
    Modality modality,
    @JsonProperty("meta_task") MetaTask metaTask,
    Split split,
    @JsonProperty("main_metric") MetricName mainMetric,
    @JsonProperty("eval_type") EvalType evalType,
    @JsonProperty("dedupe_key") DedupeKey dedupeKey,
    Layout layout,
    ReferenceParser parser,
    @JsonProperty("query_modality") String queryModality,
    @JsonProperty("target_modality") String targetModality,
    @JsonProperty("query_instruction") String queryInstruction,
    @JsonProperty("target_instruction") String targetInstruction,
    DataSource source,
    @JsonProperty("expected_queries") int expectedQueries,
    @JsonProperty("candidates_per_query") Integer candidatesPerQuery,
    Integer frames) {

  public TaskSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(modality, "modality");
    Objects.requireNonNull(metaTask, "meta_task");
    Objects.requireNonNull(mainMetric, "main_metric");
    Objects.requireNonNull(evalType, "eval_type");
    Objects.requireNonNull(dedupeKey, "dedupe_key");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(source, "source");
  }

  /** The V1 split as written in results and tables ("IND", "OOD"), null for tasks without one. */
  public String splitLabel() {
    return split == null ? null : split.name();
  }

  /** Where the task's files come from on the Hugging Face hub, and where they sit locally. */
  public record DataSource(
      String repo,
      String config,
      String split,
      @JsonProperty("file_pattern") String filePattern,
      String images,
      String revision) {}
}
