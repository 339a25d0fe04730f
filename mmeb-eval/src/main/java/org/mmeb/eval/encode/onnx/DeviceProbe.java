package org.mmeb.eval.encode.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds out which requested GPUs really work by opening and running a one-node graph on each. A
 * provider library that loads says nothing about the device: CUDA first touches the driver and the
 * GPU when a session is created ({@code cudaSetDevice}), so a bad {@code cuda:N}, an empty {@code
 * CUDA_VISIBLE_DEVICES} or a missing driver only show up there. GPUs that fail are dropped with one
 * warning line; TensorRT that fails falls back to CUDA, and CUDA that fails everywhere to CPU.
 */
final class DeviceProbe {
  /** Opens and runs the probe graph with {@code provider} on {@code gpu}; throws if it cannot. */
  @FunctionalInterface
  interface Trial {
    void run(DevicePlan.Provider provider, int gpu) throws Throwable;
  }

  private static final byte[] PROBE_GRAPH = probeGraph();

  private DeviceProbe() {}

  /** The real trial: a session of the one-node probe graph, run once, on that device. */
  static Trial onnxRuntime(DeviceSettings settings) {
    return (provider, gpu) -> {
      try (ProviderOptions.Applied options =
              ProviderOptions.sessionOptions(provider, gpu, settings, ShapeProfile.NONE, false);
          OrtSession session = SessionFactory.ENV.createSession(PROBE_GRAPH, options.session());
          OnnxTensor x = OnnxTensor.createTensor(SessionFactory.ENV, new float[][] {{1, 2, 3, 4}});
          OrtSession.Result result = session.run(Map.of("x", x))) {
        float[][] y = (float[][]) result.get(0).getValue();
        if (y[0][3] != 8f) {
          throw new IllegalStateException("the probe graph computed " + y[0][3] + " for 4 + 4");
        }
      }
    };
  }

  /** The devices of {@code requested} that pass {@code trial}; one warning line for the others. */
  static DevicePlan usable(DevicePlan requested, Trial trial, PrintWriter warnings) {
    if (requested.provider() == DevicePlan.Provider.CPU) {
      return requested;
    }
    Map<String, List<String>> failures = new LinkedHashMap<>();
    DevicePlan plan = passingOrFallback(requested, trial, failures);
    if (!failures.isEmpty()) {
      warn(failures, plan, warnings);
    }
    return plan;
  }

  /** The GPUs that pass; else, for TensorRT, those that pass with CUDA alone; else the CPU. */
  private static DevicePlan passingOrFallback(
      DevicePlan requested, Trial trial, Map<String, List<String>> failures) {
    DevicePlan plan = passing(requested, trial, failures);
    if (plan.gpus().isEmpty() && requested.provider() == DevicePlan.Provider.TENSORRT) {
      plan = passing(new DevicePlan(DevicePlan.Provider.CUDA, requested.gpus()), trial, failures);
    }
    return plan.gpus().isEmpty() ? DevicePlan.CPU : plan;
  }

  /** One line: each failure reason with the devices it hit, and where the run goes instead. */
  private static void warn(
      Map<String, List<String>> failures, DevicePlan plan, PrintWriter warnings) {
    List<String> parts = new ArrayList<>();
    failures.forEach(
        (reason, names) -> parts.add(String.join(",", names) + " unavailable (" + reason + ")"));
    warnings.println(
        "warning: "
            + String.join("; ", parts)
            + "; running on "
            + (plan.provider() == DevicePlan.Provider.CPU ? "CPU" : plan.describe()));
    warnings.flush();
  }

  private static DevicePlan passing(
      DevicePlan plan, Trial trial, Map<String, List<String>> failures) {
    List<Integer> ok = new ArrayList<>();
    for (int gpu : plan.gpus()) {
      try {
        trial.run(plan.provider(), gpu);
        ok.add(gpu);
      } catch (Throwable e) {
        String name = new DevicePlan(plan.provider(), List.of(gpu)).describe();
        failures.computeIfAbsent(OrtMessages.reason(e), r -> new ArrayList<>()).add(name);
      }
    }
    return new DevicePlan(plan.provider(), List.copyOf(ok));
  }

  private static byte[] probeGraph() {
    try (InputStream in = DeviceProbe.class.getResourceAsStream("probe.onnx")) {
      if (in == null) {
        throw new IllegalStateException("probe.onnx missing from the harness's resources");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
