package org.mmeb.eval.encode.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mmeb.eval.UserError;

/**
 * The devices a run asked for: {@code cpu}, {@code cuda[:N[,M...]]} or {@code tensorrt[:N[,M...]]}
 * (TensorRT first, CUDA for the nodes TensorRT does not take). Several GPUs mean one session per
 * GPU.
 */
record DevicePlan(Provider provider, List<Integer> gpus) {

  /** Which execution provider runs the graphs. */
  enum Provider {
    CPU,
    CUDA,
    TENSORRT
  }

  static final DevicePlan CPU = new DevicePlan(Provider.CPU, List.of());

  static DevicePlan parse(String device) {
    String d = device == null ? "cpu" : device.trim().toLowerCase(Locale.ROOT);
    if (d.equals("cpu")) {
      return CPU;
    }
    Provider provider =
        d.startsWith("cuda") ? Provider.CUDA : d.startsWith("tensorrt") ? Provider.TENSORRT : null;
    if (provider == null) {
      throw new UserError(
          "unknown device '" + device + "': expected cpu, cuda, cuda:N, cuda:N,M or tensorrt:N");
    }
    String prefix = provider == Provider.CUDA ? "cuda" : "tensorrt";
    String rest = d.substring(prefix.length());
    return new DevicePlan(provider, rest.isEmpty() ? List.of(0) : gpus(device, prefix, rest));
  }

  /** The GPU numbers after the provider's name: ":0", ":0,1" or ":0,cuda:1". */
  private static List<Integer> gpus(String device, String prefix, String rest) {
    List<Integer> gpus = new ArrayList<>();
    for (String part : rest.replaceFirst("^:", "").split(",")) {
      String id = part.trim().replaceFirst("^" + prefix + ":", "");
      try {
        gpus.add(Integer.parseInt(id));
      } catch (NumberFormatException e) {
        throw new UserError("device '" + device + "': '" + part + "' is not a GPU number");
      }
    }
    return List.copyOf(gpus);
  }

  /** One name per session, e.g. "cuda:0", "cpu". */
  List<String> sessionNames() {
    if (provider == Provider.CPU) {
      return List.of("cpu");
    }
    String prefix = provider == Provider.CUDA ? "cuda:" : "tensorrt:";
    return gpus.stream().map(g -> prefix + g).toList();
  }

  /**
   * Batches run at once on each device: two per GPU, so the next batch's host-to-device copy and
   * the previous one's results overlap the running kernels; one on CPU, where runs would only share
   * the same cores.
   */
  int runsPerDevice() {
    return provider == Provider.CPU ? 1 : 2;
  }

  String describe() {
    return String.join(",", sessionNames());
  }
}
