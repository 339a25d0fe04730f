package org.mmeb.eval.pipeline;

import java.util.List;
import org.mmeb.eval.data.PromptProfile;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.score.Similarity;
import org.mmeb.eval.task.TaskRegistry.LoadedTask;

/**
 * Where a run's embeddings come from: an encoder behind the embedding cache ({@link EncoderSource}:
 * ONNX, HTTP, or any engine that fills the same cache), or vectors computed elsewhere ({@link
 * SubmissionSource}). {@link RunJob} reads, scores and records a task the same way whatever the
 * source; {@code run} and {@code score} differ only in the source they hand it.
 */
public interface EmbeddingSource extends AutoCloseable {
  /** The model as the run record names it, for the tasks the run covers. */
  RunRecord.ModelInfo model(List<LoadedTask> tasks);

  /** Where the vectors are computed, for provenance. */
  String device();

  /** Whose texts the readers compose for this source (see {@link PromptProfile}). */
  default PromptProfile promptProfile() {
    return PromptProfile.MMEB;
  }

  /** How query and candidate vectors are compared. */
  Similarity similarity();

  /** The tasks to run when none are named: by default every task of the benchmark. */
  default List<LoadedTask> defaultTasks(String benchmark, List<LoadedTask> benchmarkTasks) {
    return benchmarkTasks;
  }

  /** Embeddings for every item of a task's data (queries as transformed); the caller closes. */
  TaskEmbeddings embed(TaskData data) throws Exception;

  @Override
  default void close() throws Exception {}
}
