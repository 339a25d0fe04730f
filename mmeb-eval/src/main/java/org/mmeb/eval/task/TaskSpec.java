package org.mmeb.eval.task;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
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

  /**
   * Where the task's files come from on the Hugging Face hub, and where they sit locally.
   *
   * @param configs the hub configs read, in order ({@code "config": "MC"} or a list; MVBench reads
   *     20, each row tagged with its config as {@code subset}, as the reference's {@code
   *     load_hf_dataset_multiple_subset})
   * @param filePattern an explicit file (pattern); when null, the files are found from {@code
   *     configs} and {@code split} as the hub lays them out ({@code HubDataFiles})
   * @param numSamplePerSubset the reference's {@code num_sample_per_subset}: only the first N rows
   *     are evaluated (SmthSmthV2: 1000); null = all
   */
  public record DataSource(
      String repo,
      @JsonProperty("config") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          List<String> configs,
      String split,
      @JsonProperty("file_pattern") String filePattern,
      String images,
      String revision,
      @JsonProperty("num_sample_per_subset") Integer numSamplePerSubset) {
    public DataSource {
      configs = configs == null ? List.of() : List.copyOf(configs);
      if (numSamplePerSubset != null && numSamplePerSubset < 1) {
        throw new IllegalArgumentException(
            "num_sample_per_subset must be at least 1, found " + numSamplePerSubset);
      }
    }
  }
}
