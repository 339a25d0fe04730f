package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The device probe: failures that only show when a session is created on the device (bad GPU
 * number, no visible GPU, no driver) fall back with one line; TensorRT falls back to CUDA first.
 * The failures are injected with ONNX Runtime's own messages, and the real probe runs on CPU.
 */
class DeviceProbeTest {
  private final StringWriter warnings = new StringWriter();
  private final PrintWriter out = new PrintWriter(warnings, true);

  @Test
  void aBadGpuNumberIsDroppedAndTheOthersRun() {
    DevicePlan plan =
        DeviceProbe.usable(
            DevicePlan.parse("cuda:0,9"),
            (provider, gpu) -> {
              if (gpu == 9) {
                throw cudaFailure("CUDA failure 101: invalid device ordinal ; GPU=9");
              }
            },
            out);
    assertThat(plan).isEqualTo(DevicePlan.parse("cuda:0"));
    assertThat(lines())
        .containsExactly(
            "warning: cuda:9 unavailable (CUDA failure 101: invalid device ordinal ; GPU=9;"
                + " no GPU with that number: nvidia-smi -L lists them); running on cuda:0");
  }

  @Test
  void noVisibleGpuFallsBackToCpuWithOneLineForAllDevices() {
    DevicePlan plan =
        DeviceProbe.usable(
            DevicePlan.parse("cuda:0,1"),
            (provider, gpu) -> {
              throw cudaFailure(
                  "CUDA failure 100: no CUDA-capable device is detected ; GPU=" + gpu);
            },
            out);
    assertThat(plan).isEqualTo(DevicePlan.CPU);
    assertThat(lines()).hasSize(1);
    assertThat(lines().get(0))
        .startsWith("warning: cuda:0 unavailable (CUDA failure 100")
        .contains("cuda:1 unavailable (")
        .contains("check CUDA_VISIBLE_DEVICES")
        .endsWith("; running on CPU");
  }

  @Test
  void tensorrtWithoutItsLibrariesFallsBackToCudaNotCpu() {
    DevicePlan plan =
        DeviceProbe.usable(
            DevicePlan.parse("tensorrt:0"),
            (provider, gpu) -> {
              if (provider == DevicePlan.Provider.TENSORRT) {
                throw new OrtException(
                    OrtException.OrtErrorCode.ORT_FAIL,
                    "/onnxruntime_src/onnxruntime/core/session/provider_bridge_ort.cc:1844"
                        + " onnxruntime::Provider& onnxruntime::ProviderLibrary::Get()"
                        + " [ONNXRuntimeError] : 1 : FAIL : Failed to load library"
                        + " libonnxruntime_providers_tensorrt.so with error: libnvinfer.so.10:"
                        + " cannot open shared object file: No such file or directory");
              }
            },
            out);
    assertThat(plan).isEqualTo(DevicePlan.parse("cuda:0"));
    assertThat(lines())
        .singleElement()
        .asString()
        .startsWith(
            "warning: tensorrt:0 unavailable (Failed to load library"
                + " libonnxruntime_providers_tensorrt.so with error: libnvinfer.so.10")
        .endsWith("; running on cuda:0");
  }

  @Test
  void devicesThatWorkAreTakenSilently() {
    DevicePlan plan = DeviceProbe.usable(DevicePlan.parse("cuda:0,1"), (p, g) -> {}, out);
    assertThat(plan.describe()).isEqualTo("cuda:0,cuda:1");
    assertThat(warnings.toString()).isEmpty();
  }

  @Test
  void theRealProbeGraphRunsInOnnxRuntime() throws Throwable {
    DeviceProbe.onnxRuntime(DeviceSettings.DEFAULTS).run(DevicePlan.Provider.CPU, -1);
  }

  @Test
  void aGpuNumberThatDoesNotExistFallsBackToCpuHere() throws Exception {
    Assumptions.assumeFalse(
        Files.exists(Path.of("/dev/nvidia0")),
        "a GPU is present: scripts/gpu-acceptance.sh checks");
    SessionFactory factory = SessionFactory.forDevice("cuda:9", DeviceSettings.DEFAULTS, out);
    assertThat(factory.plan()).isEqualTo(DevicePlan.CPU);
    assertThat(lines())
        .singleElement()
        .asString()
        .startsWith("warning: cuda:9 unavailable (")
        .endsWith("); running on CPU");
  }

  private List<String> lines() {
    return warnings.toString().lines().toList();
  }

  private static OrtException cudaFailure(String message) {
    return new OrtException(
        OrtException.OrtErrorCode.ORT_EP_FAIL,
        "/onnxruntime_src/onnxruntime/core/providers/cuda/cuda_call.cc:123 std::conditional_t<THRW,"
            + " void, common::Status> onnxruntime::CudaCall(...) [ONNXRuntimeError] : 11 :"
            + " EP_FAIL : "
            + message);
  }
}
