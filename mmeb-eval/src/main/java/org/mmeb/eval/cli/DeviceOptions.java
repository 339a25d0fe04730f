package org.mmeb.eval.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mmeb.eval.UserError;
import org.mmeb.eval.encode.onnx.DeviceSettings;
import org.mmeb.eval.encode.onnx.DeviceSettings.ArenaExtend;
import org.mmeb.eval.encode.onnx.DeviceSettings.ConvAlgoSearch;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How ONNX sessions use their device: a GPU's memory and kernels, the CPU's threads. */
public final class DeviceOptions {
  @Option(
      names = "--gpu-mem-limit",
      paramLabel = "SIZE",
      converter = Size.class,
      description = "CUDA memory arena limit per session and GPU, e.g. 6g (default: no limit).")
  long gpuMemLimit;

  @Option(
      names = "--arena-extend",
      paramLabel = "STRATEGY",
      converter = ArenaExtendName.class,
      defaultValue = "next_power_of_two",
      description =
          "How the CUDA arena grows: next_power_of_two or same_as_requested"
              + " (default: ${DEFAULT-VALUE}).")
  ArenaExtend arenaExtend = ArenaExtend.NEXT_POWER_OF_TWO;

  @Option(
      names = "--cudnn-conv-algo-search",
      paramLabel = "MODE",
      converter = ConvAlgoSearchName.class,
      defaultValue = "heuristic",
      description =
          "cuDNN convolution algorithm search: heuristic, exhaustive (re-benchmarks every new batch"
              + " shape) or default (default: ${DEFAULT-VALUE}).")
  ConvAlgoSearch convAlgoSearch = ConvAlgoSearch.HEURISTIC;

  @Option(
      names = "--tensorrt-cache",
      paramLabel = "DIR",
      description =
          "Folder for TensorRT's engine and timing caches, or none (default:"
              + " .mmeb-cache/tensorrt).")
  String tensorrtCache;

  @Option(
      names = "--token-multiple",
      paramLabel = "N",
      defaultValue = "8",
      description =
          "On GPU, round each batch's token length up to a multiple of N, so cuDNN and TensorRT"
              + " see few shapes (graphs with an attention mask; default: ${DEFAULT-VALUE}; 1 = off).")
  int tokenMultiple = 8;

  @Option(
      names = "--pad-batch",
      paramLabel = "ROWS",
      defaultValue = "0",
      description =
          "Pad every model run to a multiple of ROWS rows (padding rows are dropped), so a graph"
              + " sees one batch size (default: off).")
  int padBatch;

  /** {@code --intra-op-threads auto}: the cores the preparing workers leave. */
  static final int AUTO = -1;

  @Option(
      names = "--intra-op-threads",
      paramLabel = "N|auto",
      converter = ThreadCount.class,
      defaultValue = "0",
      description =
          "On CPU, the threads ONNX Runtime runs a model's operators on: auto = cores - workers"
              + " (at least 1), so the model and the preprocessing workers do not compete for"
              + " cores; 0 = ONNX Runtime's default, one per core (default: ${DEFAULT-VALUE})."
              + " GPU sessions use one.")
  int intraOpThreads;

  /**
   * The settings for an encoder whose batches {@code workers} threads prepare ({@code auto} gives
   * CPU sessions the cores they leave).
   */
  DeviceSettings settings(int workers) {
    return withThreads(intraOpThreads == AUTO ? autoThreads(workers) : intraOpThreads);
  }

  /** The cores {@code workers} preparing threads leave, at least 1. */
  static int autoThreads(int workers) {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - workers);
  }

  /** The settings for an encoder without preparing workers ({@code auto}: every core). */
  DeviceSettings settings() {
    return settings(0);
  }

  private DeviceSettings withThreads(int threads) {
    Path trtCache =
        tensorrtCache == null
            ? Path.of(".mmeb-cache", "tensorrt")
            : tensorrtCache.equals("none") ? null : Path.of(tensorrtCache);
    if (tokenMultiple < 1 || padBatch < 0) {
      throw new UserError("--token-multiple must be >= 1 and --pad-batch >= 0");
    }
    return new DeviceSettings(
        gpuMemLimit, arenaExtend, convAlgoSearch, trtCache, tokenMultiple, padBatch, threads);
  }

  static final class Size implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return DeviceSettings.parseBytes(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class ThreadCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      if (value.trim().equalsIgnoreCase("auto")) {
        return AUTO;
      }
      try {
        int threads = Integer.parseInt(value.trim());
        if (threads >= 0) {
          return threads;
        }
      } catch (NumberFormatException e) {
        // said below
      }
      throw new TypeConversionException(
          "'"
              + value
              + "' is not a thread count: expected auto, 0 (ONNX Runtime's default) or more");
    }
  }

  static final class ArenaExtendName implements ITypeConverter<ArenaExtend> {
    @Override
    public ArenaExtend convert(String value) {
      return byName(ArenaExtend.class, value);
    }
  }

  static final class ConvAlgoSearchName implements ITypeConverter<ConvAlgoSearch> {
    @Override
    public ConvAlgoSearch convert(String value) {
      return byName(ConvAlgoSearch.class, value);
    }
  }

  private static <E extends Enum<E>> E byName(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")));
    }
  }
}
