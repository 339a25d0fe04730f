package org.mmeb.eval.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.mmeb.eval.data.PromptProfile;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.encode.Encoder;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.score.Similarity;
import org.mmeb.eval.task.TaskRegistry.LoadedTask;

/**
 * An encoder behind the embedding cache: each task's items the cache lacks are encoded ({@link
 * TaskEncoding}) and every vector is then read from the cache. Closing the source closes the
 * encoder.
 */
public final class EncoderSource implements EmbeddingSource {
  private final Encoder encoder;
  private final String modelName;
  private final JsonNode modelSpec;
  private final Similarity similarity;
  private final TaskEncoding encoding;

  public EncoderSource(
      Encoder encoder,
      String modelName,
      JsonNode modelSpec,
      Similarity similarity,
      TaskEncoding.Settings settings,
      PrintWriter log) {
    this.encoder = encoder;
    this.modelName = modelName;
    this.modelSpec = modelSpec;
    this.similarity = similarity;
    this.encoding = new TaskEncoding(encoder, settings, log);
  }

  @Override
  public RunRecord.ModelInfo model(List<LoadedTask> tasks) {
    return new RunRecord.ModelInfo(
        modelName, encoder.fingerprint(), modelSpec, similarity.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public String device() {
    return encoder.device();
  }

  @Override
  public PromptProfile promptProfile() {
    return encoder.promptProfile();
  }

  @Override
  public Similarity similarity() {
    return similarity;
  }

  @Override
  public TaskEmbeddings embed(TaskData data) throws Exception {
    TaskEncoding.Result encoded = encoding.encode(data);
    return new TaskEmbeddings(encoded::vector, encoded::vector, encoded.stats(), encoded);
  }

  @Override
  public void close() throws Exception {
    encoder.close();
  }
}
