package org.mmeb.eval.result.submission;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.Json;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.result.AtomicFiles;
import org.mmeb.eval.score.EmbeddingLookup;

/**
 * Writes a submission folder that {@link Submission} reads: add tasks, then {@link #finish()}
 * writes manifest.json (last, so a folder without a manifest is visibly unfinished).
 */
public final class SubmissionWriter {
  private final Path dir;
  private final String model;
  private final int dims;
  private final String similarity;
  private final Map<String, SubmissionManifest.TaskEntry> tasks = new LinkedHashMap<>();

  public SubmissionWriter(Path dir, String model, int dims, String similarity) {
    this.dir = dir;
    this.model = model;
    this.dims = dims;
    this.similarity = similarity;
  }

  /** Query vectors in the task's row order; candidate vectors with their item keys. */
  public SubmissionWriter task(
      String task, float[][] queries, List<String> candidateKeys, float[][] candidates)
      throws IOException {
    Path taskDir = TaskVectors.dir(dir, task);
    NpyFloatMatrix.write(taskDir.resolve(TaskVectors.QUERIES), queries, dims);
    NpyFloatMatrix.write(taskDir.resolve(TaskVectors.CANDIDATES), candidates, dims);
    AtomicFiles.writeString(
        taskDir.resolve(TaskVectors.CANDIDATE_KEYS), Json.PLAIN.writeValueAsString(candidateKeys));
    tasks.put(task, new SubmissionManifest.TaskEntry(queries.length, candidates.length));
    return this;
  }

  /** A task's vectors from a lookup by item key: every row's query, every candidate once. */
  public SubmissionWriter task(TaskData data, EmbeddingLookup embeddings) throws IOException {
    float[][] queries =
        data.rows().stream().map(r -> embeddings.get(r.query().key())).toArray(float[][]::new);
    List<String> keys = TaskVectors.candidateKeys(data);
    float[][] candidates = keys.stream().map(embeddings::get).toArray(float[][]::new);
    return task(data.spec().name(), queries, keys, candidates);
  }

  public void finish() throws IOException {
    SubmissionManifest manifest =
        new SubmissionManifest(
            SubmissionManifest.FORMAT, SubmissionManifest.VERSION, model, dims, similarity, tasks);
    AtomicFiles.writeString(
        dir.resolve(SubmissionManifest.FILE),
        Json.PRETTY_INLINE_ARRAYS.writeValueAsString(manifest) + "\n");
  }
}
