package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import ai.onnxruntime.providers.OrtTensorRTProviderOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CUDA and TensorRT options our sessions ask for, checked without a GPU. */
class ProviderOptionsTest {
  @Test
  void cudaDefaultsToHeuristicConvolutionSearchAndNoMemoryLimit() {
    assertThat(ProviderOptions.cuda(1, DeviceSettings.DEFAULTS))
        .containsExactly(
            entry("device_id", "1"),
            entry("cudnn_conv_algo_search", "HEURISTIC"),
            entry("arena_extend_strategy", "kNextPowerOfTwo"));
  }

  @Test
  void memoryLimitAndArenaStrategyAreOptions() {
    DeviceSettings settings =
        new DeviceSettings(
            6L << 30,
            DeviceSettings.ArenaExtend.SAME_AS_REQUESTED,
            DeviceSettings.ConvAlgoSearch.EXHAUSTIVE,
            null);
    assertThat(ProviderOptions.cuda(0, settings))
        .contains(
            entry("gpu_mem_limit", "6442450944"),
            entry("arena_extend_strategy", "kSameAsRequested"),
            entry("cudnn_conv_algo_search", "EXHAUSTIVE"));
  }

  @Test
  void onnxRuntimesOwnOptionObjectsAcceptThem() throws Exception {
    DeviceSettings settings =
        new DeviceSettings(
            1L << 30,
            DeviceSettings.ArenaExtend.SAME_AS_REQUESTED,
            DeviceSettings.ConvAlgoSearch.HEURISTIC,
            Path.of("trt-cache"));
    try (OrtCUDAProviderOptions cuda = new OrtCUDAProviderOptions(0);
        OrtTensorRTProviderOptions trt = new OrtTensorRTProviderOptions(0)) {
      for (Map.Entry<String, String> e : ProviderOptions.cuda(0, settings).entrySet()) {
        cuda.add(e.getKey(), e.getValue());
      }
      ShapeProfile profile = new ShapeProfile("ids:1x8", "ids:32x64", "ids:32x128");
      for (Map.Entry<String, String> e :
          ProviderOptions.tensorrt(0, settings, profile).entrySet()) {
        trt.add(e.getKey(), e.getValue());
      }
      assertThat(cuda.getOptionsString()).contains("gpu_mem_limit=1073741824;");
      assertThat(trt.getOptionsString())
          .contains("trt_engine_cache_enable=1;", "trt_profile_max_shapes=ids:32x128;");
    }
  }

  @Test
  void tensorrtGetsEngineAndTimingCachesAndTheShapeProfile() {
    DeviceSettings settings =
        new DeviceSettings(
            0,
            DeviceSettings.ArenaExtend.NEXT_POWER_OF_TWO,
            DeviceSettings.ConvAlgoSearch.HEURISTIC,
            Path.of("/tmp/x/trt"));
    ShapeProfile profile =
        new ShapeProfile(
            "input_ids:1x8,attention_mask:1x8",
            "input_ids:32x64,attention_mask:32x64",
            "input_ids:32x128,attention_mask:32x128");
    assertThat(ProviderOptions.tensorrt(0, settings, profile))
        .contains(
            entry("trt_engine_cache_enable", "1"),
            entry("trt_engine_cache_path", "/tmp/x/trt"),
            entry("trt_timing_cache_enable", "1"),
            entry("trt_timing_cache_path", "/tmp/x/trt"),
            entry("trt_profile_min_shapes", "input_ids:1x8,attention_mask:1x8"),
            entry("trt_profile_opt_shapes", "input_ids:32x64,attention_mask:32x64"),
            entry("trt_profile_max_shapes", "input_ids:32x128,attention_mask:32x128"));
    assertThat(ProviderOptions.tensorrt(0, DeviceSettings.DEFAULTS, ShapeProfile.NONE))
        .containsOnlyKeys("device_id");
  }

  @Test
  void noSessionSpinsItsThreads() throws Exception {
    assertThat(ProviderOptions.sessionConfig())
        .containsExactly(
            entry("session.intra_op.allow_spinning", "0"),
            entry("session.inter_op.allow_spinning", "0"));
    try (ProviderOptions.Applied cpu =
        ProviderOptions.sessionOptions(
            DevicePlan.Provider.CPU, -1, DeviceSettings.DEFAULTS, ShapeProfile.NONE, true)) {
      assertThat(cpu.session().getConfigEntries())
          .containsExactlyInAnyOrderEntriesOf(ProviderOptions.sessionConfig());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "6g, 6442450944",
    "512m, 536870912",
    "1.5k, 1536",
    "1048576, 1048576",
    "2GB, 2147483648"
  })
  void sizesParse(String text, long bytes) {
    assertThat(DeviceSettings.parseBytes(text)).isEqualTo(bytes);
  }

  @Test
  void aSizeThatIsNotOneSaysWhatItExpected() {
    assertThatThrownBy(() -> DeviceSettings.parseBytes("lots"))
        .hasMessageContaining("'lots' is not a size");
  }
}
