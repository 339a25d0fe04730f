package org.mmeb.eval.encode.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Creates ONNX Runtime sessions on the devices that passed the {@link DeviceProbe}, so a run on a
 * machine without a usable GPU still finishes (on CPU, after one warning line).
 */
final class SessionFactory {
  // FATAL only: a provider that fails to load is reported by us in one line, not by ORT's logger.
  static final OrtEnvironment ENV =
      OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "mmeb-eval");

  private final DevicePlan plan;
  private final DeviceSettings settings;
  private final PrintWriter warnings;

  SessionFactory(DevicePlan plan, DeviceSettings settings, PrintWriter warnings) {
    this.plan = plan;
    this.settings = settings;
    this.warnings = warnings;
  }

  /** Probes every requested GPU; those that fail are reported in one line and left out. */
  static SessionFactory forDevice(String device, DeviceSettings settings, PrintWriter warnings) {
    DevicePlan usable =
        DeviceProbe.usable(DevicePlan.parse(device), DeviceProbe.onnxRuntime(settings), warnings);
    return new SessionFactory(usable, settings, warnings);
  }

  DevicePlan plan() {
    return plan;
  }

  DeviceSettings settings() {
    return settings;
  }

  /** Where sessions report what the user should know (out-of-memory splits). */
  PrintWriter warnings() {
    return warnings;
  }

  /** The name of the plan's {@code index}-th device, e.g. "cuda:1". */
  String deviceName(int index) {
    return plan.sessionNames().get(index);
  }

  /**
   * A session for {@code file} on the plan's {@code index}-th device. Only the first device's
   * sessions report ONNX Runtime's placement warnings, so each graph's are logged once.
   */
  OrtSession open(Path file, int index, ShapeProfile profile) throws OrtException {
    int gpu = plan.gpus().isEmpty() ? -1 : plan.gpus().get(index);
    try (ProviderOptions.Applied options =
        ProviderOptions.sessionOptions(plan.provider(), gpu, settings, profile, index == 0)) {
      return ENV.createSession(file.toString(), options.session());
    }
  }
}
