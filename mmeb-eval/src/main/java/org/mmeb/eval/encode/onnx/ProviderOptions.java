package org.mmeb.eval.encode.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import ai.onnxruntime.providers.OrtTensorRTProviderOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ONNX Runtime options of a session on one device, as plain maps (tested without a GPU) and
 * applied to a {@link OrtSession.SessionOptions}. Option names are those of ONNX Runtime's CUDA and
 * TensorRT execution provider documentation (1.23).
 */
final class ProviderOptions {
  private ProviderOptions() {}

  /** CUDA provider options for {@code gpu}. */
  static Map<String, String> cuda(int gpu, DeviceSettings settings) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("device_id", Integer.toString(gpu));
    options.put("cudnn_conv_algo_search", settings.convAlgoSearch().name());
    options.put("arena_extend_strategy", settings.arenaExtend().ortValue);
    if (settings.gpuMemLimitBytes() > 0) {
      options.put("gpu_mem_limit", Long.toString(settings.gpuMemLimitBytes()));
    }
    return options;
  }

  /** TensorRT provider options for {@code gpu}: caches when configured, and the shape profile. */
  static Map<String, String> tensorrt(int gpu, DeviceSettings settings, ShapeProfile profile) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("device_id", Integer.toString(gpu));
    if (settings.tensorrtCache() != null) {
      String dir = settings.tensorrtCache().toAbsolutePath().toString();
      options.put("trt_engine_cache_enable", "1");
      options.put("trt_engine_cache_path", dir);
      options.put("trt_timing_cache_enable", "1");
      options.put("trt_timing_cache_path", dir);
    }
    if (!profile.isEmpty()) {
      options.put("trt_profile_min_shapes", profile.min());
      options.put("trt_profile_opt_shapes", profile.opt());
      options.put("trt_profile_max_shapes", profile.max());
    }
    return options;
  }

  /**
   * Session settings of every session: ONNX Runtime's pool threads do not spin between operators.
   * Spinning threads (one per core per session) take the cores the preprocessing workers need, and
   * on a machine where other processes run they burn their time slices waiting: on the 2-core
   * development machine under load, the demo model alone ran 2–3× faster without spinning ({@code
   * bench encoding}, BENCHMARKS.md). The threads' number and the results do not change.
   */
  static Map<String, String> sessionConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("session.intra_op.allow_spinning", "0");
    config.put("session.inter_op.allow_spinning", "0");
    return config;
  }

  /**
   * Session options and the provider options they reference, closed together once the session
   * exists.
   */
  record Applied(OrtSession.SessionOptions session, List<AutoCloseable> providers)
      implements AutoCloseable {
    @Override
    public void close() {
      session.close();
      for (AutoCloseable provider : providers) {
        try {
          provider.close();
        } catch (Exception e) {
          // provider options hold only native memory; nothing to report
        }
      }
    }
  }

  /**
   * Session options for {@code provider} on {@code gpu} (-1 for CPU); with {@code reportPlacement},
   * a GPU session lets ONNX Runtime's own warnings through (node placement, engine rebuilds).
   */
  static Applied sessionOptions(
      DevicePlan.Provider provider,
      int gpu,
      DeviceSettings settings,
      ShapeProfile profile,
      boolean reportPlacement)
      throws OrtException {
    Applied applied = new Applied(new OrtSession.SessionOptions(), new ArrayList<>());
    OrtSession.SessionOptions options = applied.session();
    try {
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      for (Map.Entry<String, String> e : sessionConfig().entrySet()) {
        options.addConfigEntry(e.getKey(), e.getValue());
      }
      if (provider == DevicePlan.Provider.CPU) {
        if (settings.intraOpThreads() != DeviceSettings.ALL_CORES) {
          options.setIntraOpNumThreads(settings.intraOpThreads());
        }
        return applied;
      }
      useQuietCpuThreads(options, reportPlacement);
      if (provider == DevicePlan.Provider.TENSORRT) {
        addTensorrt(applied, gpu, tensorrt(gpu, settings, profile));
      }
      addCuda(applied, gpu, cuda(gpu, settings));
      return applied;
    } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
      applied.close();
      throw e;
    }
  }

  /** A GPU session: the model runs on the device, so ONNX Runtime's CPU pools get one thread. */
  private static void useQuietCpuThreads(OrtSession.SessionOptions options, boolean reportPlacement)
      throws OrtException {
    if (reportPlacement) {
      // ONNX Runtime warns (once per session) when nodes fall back from the GPU to the CPU
      // provider and when TensorRT rebuilds an engine; the environment logs only fatal errors
      options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING);
    }
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
  }

  private static void addTensorrt(Applied applied, int gpu, Map<String, String> settings)
      throws OrtException {
    OrtTensorRTProviderOptions trt = new OrtTensorRTProviderOptions(gpu);
    applied.providers().add(trt);
    for (Map.Entry<String, String> e : settings.entrySet()) {
      trt.add(e.getKey(), e.getValue());
    }
    applied.session().addTensorrt(trt);
  }

  private static void addCuda(Applied applied, int gpu, Map<String, String> settings)
      throws OrtException {
    OrtCUDAProviderOptions cuda = new OrtCUDAProviderOptions(gpu);
    applied.providers().add(cuda);
    for (Map.Entry<String, String> e : settings.entrySet()) {
      cuda.add(e.getKey(), e.getValue());
    }
    applied.session().addCUDA(cuda);
  }
}
