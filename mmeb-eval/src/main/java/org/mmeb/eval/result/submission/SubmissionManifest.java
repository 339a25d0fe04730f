package org.mmeb.eval.result.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a submission folder: who made the vectors, their size, and per task how
 * many query and candidate vectors to expect.
 */
public record SubmissionManifest(
    String format,
    int version,
    String model,
    int dims,
    String similarity,
    Map<String, TaskEntry> tasks) {
  public static final String FORMAT = "mmeb-eval-submission";
  public static final int VERSION = 1;
  public static final String FILE = "manifest.json";

  public SubmissionManifest {
    tasks = new TreeMap<>(tasks);
  }

  /** Counts of the task's vector files: queries.npy rows and candidates.npy rows. */
  public record TaskEntry(
      @JsonProperty("queries") int queries, @JsonProperty("candidates") int candidates) {}
}
