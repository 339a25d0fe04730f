package org.mmeb.eval.pipeline;

import java.util.List;
import java.util.Locale;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.submission.Submission;
import org.mmeb.eval.score.Similarity;
import org.mmeb.eval.task.TaskRegistry.LoadedTask;

/**
 * Vectors computed elsewhere, from a submission folder; by default the run covers the benchmark's
 * tasks the submission has.
 */
public final class SubmissionSource implements EmbeddingSource {
  private final Submission submission;
  private final String modelName;

  /**
   * @param modelName the name in results, or null for the manifest's
   */
  public SubmissionSource(Submission submission, String modelName) {
    this.submission = submission;
    this.modelName = modelName != null ? modelName : submission.manifest().model();
  }

  @Override
  public RunRecord.ModelInfo model(List<LoadedTask> tasks) {
    String fingerprint = submission.fingerprint(tasks.stream().map(t -> t.spec().name()).toList());
    return new RunRecord.ModelInfo(
        modelName, fingerprint, null, similarity().name().toLowerCase(Locale.ROOT));
  }

  @Override
  public String device() {
    return "none (precomputed embeddings)";
  }

  @Override
  public Similarity similarity() {
    return submission.similarity();
  }

  @Override
  public List<LoadedTask> defaultTasks(String benchmark, List<LoadedTask> benchmarkTasks) {
    List<LoadedTask> present =
        benchmarkTasks.stream()
            .filter(t -> submission.manifest().tasks().containsKey(t.spec().name()))
            .toList();
    if (present.isEmpty()) {
      throw new UserError(
          String.format(
              "%s: no task of %s (it lists %s)",
              submission.manifestFile(), benchmark, submission.manifest().tasks().keySet()));
    }
    return present;
  }

  @Override
  public TaskEmbeddings embed(TaskData data) {
    long start = System.nanoTime();
    Submission.TaskEmbeddings vectors = submission.load(data);
    int candidates = submission.manifest().tasks().get(data.spec().name()).candidates();
    EncodingStats stats =
        new EncodingStats(0, candidates, 0, 0, 0, 0, 0, System.nanoTime() - start);
    return new TaskEmbeddings(vectors.queries(), vectors.candidates(), stats, () -> {});
  }
}
