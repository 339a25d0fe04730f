package org.mmeb.eval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;
import org.mmeb.eval.encode.Encoder;
import org.mmeb.eval.encode.http.HttpEncoder;
import org.mmeb.eval.encode.onnx.ModelSpecs;
import org.mmeb.eval.encode.onnx.OnnxEncoders;
import org.mmeb.eval.pipeline.EncoderSource;
import org.mmeb.eval.pipeline.TaskEncoding;
import org.mmeb.eval.score.Similarity;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which embedder to evaluate: an ONNX model spec, or an OpenAI-compatible embeddings server. */
public final class EncoderOptions {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--model", paramLabel = "SPEC", description = "ONNX model spec JSON file.")
    Path modelSpec;

    @Option(
        names = "--server",
        paramLabel = "URL",
        description = "OpenAI-compatible embeddings server (e.g. http://localhost:8000/).")
    URI server;
  }

  @Mixin DeviceOption device = new DeviceOption();

  @Mixin DeviceOptions deviceOptions = new DeviceOptions();

  @Option(names = "--server-model", description = "Model name sent to the server.")
  String serverModel;

  @Option(
      names = "--server-concurrency",
      defaultValue = "8",
      description = "Requests in flight (default: ${DEFAULT-VALUE}).")
  int serverConcurrency;

  @Option(
      names = "--server-timeout",
      defaultValue = "120",
      description = "Seconds per request (default: ${DEFAULT-VALUE}).")
  int serverTimeoutSeconds;

  @Option(
      names = "--name",
      description = "Model name in results (default: the spec's name or the server model).")
  String name;

  /** Options naming an ONNX spec, as if given {@code --model spec --device device}. */
  static EncoderOptions forSpec(Path spec, String device) {
    EncoderOptions options = new EncoderOptions();
    options.source = new Source();
    options.source.modelSpec = spec;
    options.device = new DeviceOption(device);
    return options;
  }

  /** The encoder behind the embedding cache, as a run's embedding source. */
  EncoderSource source(TaskEncoding.Settings encoding, PrintWriter log) {
    return source(encoding, Similarity.COSINE, log);
  }

  /** As {@link #source(TaskEncoding.Settings, PrintWriter)}, scored with {@code similarity}. */
  EncoderSource source(TaskEncoding.Settings encoding, Similarity similarity, PrintWriter log) {
    return source(encoding, similarity, log, null);
  }

  /**
   * As {@link #source(TaskEncoding.Settings, Similarity, PrintWriter)}; with a {@code reasoner},
   * the run is named "embedder + reasoner" (unless --name says otherwise).
   */
  EncoderSource source(
      TaskEncoding.Settings encoding, Similarity similarity, PrintWriter log, String reasoner) {
    String modelName =
        reasoner == null || name != null ? modelName() : modelName() + " + " + reasoner;
    JsonNode specJson = specJson();
    return new EncoderSource(
        open(log, encoding.workers()), modelName, specJson, similarity, encoding, log);
  }

  /** The encoder, its CPU sessions sized for {@code workers} preparing threads. */
  Encoder open(PrintWriter warnings, int workers) {
    if (source.modelSpec != null) {
      return OnnxEncoders.open(
          source.modelSpec, device.device, deviceOptions.settings(workers), warnings);
    }
    return httpEncoder();
  }

  /** The ONNX model with CPU sessions on {@code threads} intra-op threads. */
  Encoder openModel(PrintWriter warnings, int workers, int threads) {
    if (source.modelSpec == null) {
      throw new UserError("a thread count needs an ONNX model (--model), not a server");
    }
    return OnnxEncoders.open(
        source.modelSpec,
        device.device,
        deviceOptions.settings(workers).withIntraOpThreads(threads),
        warnings);
  }

  private HttpEncoder httpEncoder() {
    if (serverModel == null) {
      throw new UserError("--server needs --server-model NAME");
    }
    URI base =
        source.server.toString().endsWith("/") ? source.server : URI.create(source.server + "/");
    return new HttpEncoder(
        new HttpEncoder.Settings(
            base,
            serverModel,
            System.getenv("MMEB_EVAL_API_KEY"),
            serverConcurrency,
            3,
            Duration.ofSeconds(serverTimeoutSeconds)));
  }

  String modelName() {
    if (name != null) {
      return name;
    }
    if (source.modelSpec != null) {
      return ModelSpecs.displayName(source.modelSpec);
    }
    return serverModel;
  }

  JsonNode specJson() {
    try {
      if (source.modelSpec != null) {
        return Json.PLAIN.readTree(source.modelSpec.toFile());
      }
      return Json.PLAIN
          .createObjectNode()
          .put("server", source.server.toString())
          .put("model", serverModel);
    } catch (IOException e) {
      throw new UserError(source.modelSpec + ": cannot read the model spec: " + e.getMessage(), e);
    }
  }
}
