package org.mmeb.eval.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One evaluation run of one model on one benchmark, as written to {@code
 * results/<model>/<benchmark>/run.json}: what was run (model, provenance), what it cost (timings,
 * counts), the aggregate scores and each dataset's metrics and per-query outcomes, and, when the
 * queries carried reasoning traces, where they came from ({@code reasoning}). Build one with {@link
 * RunRecordBuilder}; read and write with {@link RunRecordFile}. Field names are written in
 * snake_case.
 */
public record RunRecord(
    int schemaVersion,
    String benchmark,
    ModelInfo model,
    Provenance provenance,
    StageTimings timings,
    RunCounts counts,
    RunSummary summary,
    List<DatasetResult> datasets,
    @JsonInclude(JsonInclude.Include.NON_NULL) Reasoning reasoning) {
  /** Bump on any incompatible change; readers reject versions they do not know. */
  public static final int SCHEMA_VERSION = 1;

  public RunRecord {
    datasets = List.copyOf(datasets);
  }

  /**
   * The model as evaluated.
   *
   * @param fingerprint the encoder's fingerprint (model bytes hash + preprocessing), or the hash of
   *     the submitted embedding files for {@code mmeb-eval score}
   * @param spec the model spec file's content as given (free-form JSON), or null
   * @param similarity how vectors were compared: {@code cosine} or {@code dot}
   */
  public record ModelInfo(
      String name,
      String fingerprint,
      com.fasterxml.jackson.databind.JsonNode spec,
      String similarity) {}
}
