package org.mmeb.eval.encode.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Creates ONNX Runtime sessions on the planned devices. When the CUDA (or TensorRT) provider cannot
 * load, it says so in one line and plans CPU instead, so a run on a machine without a usable GPU
 * still finishes.
 */
final class SessionFactory {
  // FATAL only: a provider that fails to load is reported by us in one line, not by ORT's logger.
  static final OrtEnvironment ENV =
      OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "mmeb-eval");

  private final DevicePlan plan;

  private SessionFactory(DevicePlan plan) {
    this.plan = plan;
  }

  /** Checks the requested provider loads on every GPU; otherwise warns once and plans CPU. */
  static SessionFactory forDevice(String device, PrintWriter warnings) {
    DevicePlan requested = DevicePlan.parse(device);
    for (int gpu : requested.gpus()) {
      try (OrtSession.SessionOptions probe = options(requested.provider(), gpu)) {
        // options() loads the provider library; nothing more to do
      } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
        warnings.println(
            "warning: "
                + requested.describe()
                + " unavailable ("
                + firstLine(e).replaceFirst("^Error code - \\w+ - message: ", "")
                + "; onnxruntime_gpu "
                + ENV.getVersion()
                + " needs the NVIDIA driver, CUDA 12 and cuDNN 9); running on CPU");
        warnings.flush();
        return new SessionFactory(DevicePlan.CPU);
      }
    }
    return new SessionFactory(requested);
  }

  DevicePlan plan() {
    return plan;
  }

  /** A session for {@code file} on the plan's {@code index}-th device. */
  OrtSession open(Path file, int index) throws OrtException {
    int gpu = plan.gpus().isEmpty() ? -1 : plan.gpus().get(index);
    try (OrtSession.SessionOptions options = options(plan.provider(), gpu)) {
      return ENV.createSession(file.toString(), options);
    }
  }

  private static OrtSession.SessionOptions options(DevicePlan.Provider provider, int gpu)
      throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    try {
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      if (provider == DevicePlan.Provider.TENSORRT) {
        options.addTensorrt(gpu);
      }
      if (provider != DevicePlan.Provider.CPU) {
        options.addCUDA(gpu);
      }
      return options;
    } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
      options.close();
      throw e;
    }
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.strip().lines().findFirst().orElse(message);
  }
}
