package org.mmeb.eval.encode.onnx;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How sessions use their device: on a GPU the CUDA memory arena's limit and growth, cuDNN's
 * convolution algorithm search, and where TensorRT keeps its engine and timing caches (CPU sessions
 * ignore them); on the CPU the number of intra-op threads (GPU sessions always use one).
 *
 * @param gpuMemLimitBytes the CUDA arena's limit per session; 0 = no limit (ONNX Runtime's default)
 * @param tensorrtCache folder of TensorRT's engine and timing caches; null = no caches
 * @param tokenMultiple on GPU, token lengths are rounded up to a multiple of this ({@link
 *     TokenBuckets}); 1 = off
 * @param batchRows when > 0, every run's rows are padded up to a multiple of this, so a graph sees
 *     one batch size (the padding rows are dropped from the output)
 * @param intraOpThreads threads a CPU session's operators run on; {@link #ALL_CORES} = ONNX
 *     Runtime's default. Threads change only the speed: every row's vector stays the same bit for
 *     bit ({@code IntraOpThreadsTest})
 */
public record DeviceSettings(
    long gpuMemLimitBytes,
    ArenaExtend arenaExtend,
    ConvAlgoSearch convAlgoSearch,
    Path tensorrtCache,
    int tokenMultiple,
    int batchRows,
    int intraOpThreads) {

  /** ONNX Runtime's default number of intra-op threads on CPU: one per physical core. */
  public static final int ALL_CORES = 0;

  /** Heuristic cuDNN search, power-of-two arena growth, no limit, no TensorRT caches. */
  public static final DeviceSettings DEFAULTS =
      new DeviceSettings(0, ArenaExtend.NEXT_POWER_OF_TWO, ConvAlgoSearch.HEURISTIC, null);

  /** Token lengths in multiples of 8 on GPU, batches not padded. */
  public DeviceSettings(
      long gpuMemLimitBytes,
      ArenaExtend arenaExtend,
      ConvAlgoSearch convAlgoSearch,
      Path tensorrtCache) {
    this(gpuMemLimitBytes, arenaExtend, convAlgoSearch, tensorrtCache, 8, 0, ALL_CORES);
  }

  /** These settings with CPU sessions on {@code threads} intra-op threads. */
  public DeviceSettings withIntraOpThreads(int threads) {
    return new DeviceSettings(
        gpuMemLimitBytes,
        arenaExtend,
        convAlgoSearch,
        tensorrtCache,
        tokenMultiple,
        batchRows,
        threads);
  }

  /**
   * How the CUDA arena grows: doubling (fewer allocations) or exactly as requested (less waste).
   */
  public enum ArenaExtend {
    NEXT_POWER_OF_TWO("kNextPowerOfTwo"),
    SAME_AS_REQUESTED("kSameAsRequested");

    final String ortValue;

    ArenaExtend(String ortValue) {
      this.ortValue = ortValue;
    }
  }

  /**
   * cuDNN's convolution algorithm search. EXHAUSTIVE (ONNX Runtime's default) benchmarks every
   * algorithm again for each new input shape, which with length-sorted batches is most batches;
   * HEURISTIC picks from cuDNN's tables at no cost.
   */
  public enum ConvAlgoSearch {
    HEURISTIC,
    EXHAUSTIVE,
    DEFAULT
  }

  public DeviceSettings {
    if (gpuMemLimitBytes < 0) {
      throw new IllegalArgumentException("gpu memory limit must be >= 0, got " + gpuMemLimitBytes);
    }
    if (intraOpThreads < 0) {
      throw new IllegalArgumentException("intra-op threads must be >= 0, got " + intraOpThreads);
    }
    if (tokenMultiple < 1 || batchRows < 0) {
      throw new IllegalArgumentException(
          "token multiple must be >= 1 and batch rows >= 0, got "
              + tokenMultiple
              + ", "
              + batchRows);
    }
  }

  /** Parses sizes such as {@code 6g}, {@code 512m}, {@code 1048576} (bytes). */
  public static long parseBytes(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replaceFirst("b$", "");
    long unit = 1;
    if (!t.isEmpty() && "kmgt".indexOf(t.charAt(t.length() - 1)) >= 0) {
      unit = 1L << (10 * ("kmgt".indexOf(t.charAt(t.length() - 1)) + 1));
      t = t.substring(0, t.length() - 1);
    }
    double value = nonNegativeNumber(t);
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size: expected bytes or a number with k, m, g or t (e.g. 6g)");
    }
    return (long) (value * unit);
  }

  /** The number, or NaN when it is not a finite number >= 0. */
  private static double nonNegativeNumber(String text) {
    try {
      double value = Double.parseDouble(text);
      return value < 0 || !Double.isFinite(value) ? Double.NaN : value;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
