package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmeb.eval.encode.onnx.DeviceSettings;
import picocli.CommandLine;

/** The GPU options of run and bench: parsed into device settings, bad values are one line. */
class DeviceOptionsTest {
  @Test
  void defaultsAreHeuristicSearchNoLimitAndATensorrtCacheFolder() {
    DeviceSettings settings = parse().settings();
    assertThat(settings.convAlgoSearch()).isEqualTo(DeviceSettings.ConvAlgoSearch.HEURISTIC);
    assertThat(settings.gpuMemLimitBytes()).isZero();
    assertThat(settings.arenaExtend()).isEqualTo(DeviceSettings.ArenaExtend.NEXT_POWER_OF_TWO);
    assertThat(settings.tensorrtCache()).isEqualTo(Path.of(".mmeb-cache", "tensorrt"));
  }

  @Test
  void valuesAreReadCaseInsensitively() {
    DeviceSettings settings =
        parse(
                "--gpu-mem-limit=6g",
                "--arena-extend=same_as_requested",
                "--cudnn-conv-algo-search=EXHAUSTIVE",
                "--tensorrt-cache=none")
            .settings();
    assertThat(settings.gpuMemLimitBytes()).isEqualTo(6L << 30);
    assertThat(settings.arenaExtend()).isEqualTo(DeviceSettings.ArenaExtend.SAME_AS_REQUESTED);
    assertThat(settings.convAlgoSearch()).isEqualTo(DeviceSettings.ConvAlgoSearch.EXHAUSTIVE);
    assertThat(settings.tensorrtCache()).isNull();
  }

  @Test
  void cpuSessionsGetOnnxRuntimesThreadsOrTheCoresTheWorkersLeave() {
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(parse().settings(1).intraOpThreads()).isEqualTo(DeviceSettings.ALL_CORES);
    assertThat(parse("--intra-op-threads=3").settings(1).intraOpThreads()).isEqualTo(3);
    assertThat(parse("--intra-op-threads=auto").settings(1).intraOpThreads())
        .isEqualTo(Math.max(1, cores - 1));
    assertThat(parse("--intra-op-threads=AUTO").settings(cores + 3).intraOpThreads()).isEqualTo(1);
    assertThat(parse("--intra-op-threads=auto").settings().intraOpThreads()).isEqualTo(cores);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "--gpu-mem-limit; lots; 'lots' is not a size",
        "--arena-extend; grow; 'grow' is not one of next_power_of_two, same_as_requested",
        "--cudnn-conv-algo-search; fast; 'fast' is not one of heuristic, exhaustive, default",
        "--intra-op-threads; -1; '-1' is not a thread count"
      })
  void aBadValueIsOneLineAndExitTwo(String option, String value, String message) {
    CliRun run =
        CliRun.of(
            "bench",
            "encoding",
            "--model",
            "models/demo/spec.json",
            "--device",
            "cpu",
            option,
            value,
            "--benchmark",
            "mmeb-mini",
            "--task",
            "MiniShapes",
            "--data",
            "no-such-folder");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(option).contains(message);
  }

  private static DeviceOptions parse(String... args) {
    DeviceOptions options = new DeviceOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }
}
