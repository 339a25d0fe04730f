package org.mmeb.eval.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mmeb.eval.encode.Encoder;
import org.mmeb.eval.encode.onnx.ModelSpecs;
import org.mmeb.eval.encode.onnx.OnnxEncoders;
import org.mmeb.eval.serve.EmbeddingServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    description = {
      "Serve an ONNX model spec over OpenAI-compatible HTTP: POST /v1/embeddings (OpenAI 'input'"
          + " or vLLM's multimodal 'messages' with image_url data URIs; encoding_format float;"
          + " concurrent requests are batched together), GET /v1/models, GET /health. Runs until"
          + " stopped (Ctrl-C)."
    })
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--model", paramLabel = "SPEC", required = true, description = "Model spec.")
  Path modelSpec;

  @Option(
      names = "--port",
      defaultValue = "8000",
      description = "Port (0: any free port; default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every one).")
  String host;

  @Mixin DeviceOption device = new DeviceOption();

  @Mixin DeviceOptions deviceOptions = new DeviceOptions();

  @Option(
      names = "--batch-size",
      defaultValue = "32",
      description = "Most items the model runs at once (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--name", description = "Model id clients send (default: the spec's name).")
  String name;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String served = name != null ? name : ModelSpecs.displayName(modelSpec);
    try (Encoder encoder = openModel();
        EmbeddingServer server = EmbeddingServer.start(encoder, served, host, port, batchSize)) {
      out.printf(
          "serving %s (%s, %s) at %s%n",
          served, encoder.fingerprint(), encoder.device(), server.baseUrl());
      out.flush();
      new CountDownLatch(1).await();
    }
    return 0;
  }

  private Encoder openModel() {
    return OnnxEncoders.open(
        modelSpec, device.device, deviceOptions.settings(), spec.commandLine().getErr());
  }
}
