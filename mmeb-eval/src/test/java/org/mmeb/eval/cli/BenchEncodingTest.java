package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench encoding: every mode with its CPU time and the ratios; --replay runs one prepared batch
 * again and again on the devices (here the CPU). Numbers are not checked (no timing in tests).
 */
class BenchEncodingTest {
  @TempDir static Path dir;

  @BeforeAll
  static void synth() {
    assertThat(CliRun.of("data", "synth", "--out", dir.toString(), "--seed", "3").exitCode())
        .isZero();
  }

  @Test
  void replaysOneFullBatchAndPrintsTheDeviceCeiling() {
    CliRun run = demoModel("MiniGrounding", "--batch-size", "16", "--replay", "3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("one batch of 16 items (16 with images) replayed 3 times, device cpu, 1 runs")
        .containsPattern("device ceiling +[0-9.]+ items/s");
  }

  @Test
  void measuresEachModeWithItsCpuTimeAndTheRatios() {
    CliRun run = demoModel("MiniShapes", "--rounds", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("items/s  CPU ms/item  cores busy  inference")
        .containsPattern("serial +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+%")
        .containsPattern("pipelined x[0-9]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+%")
        .containsPattern("model alone +[0-9.]+ +[0-9.]+ +[0-9.]+")
        .containsPattern("CPU stage alone +[0-9.]+ +[0-9.]+ +[0-9.]+")
        .containsPattern("pipelined / slowest stage alone \\((model|CPU stage) alone\\): [0-9.]+")
        .containsPattern("pipelined / this CPU bound [0-9.]+")
        .containsPattern(
            "summary: intra-op threads [^:]+: pipelined / model alone [0-9.]+, pipelined / CPU"
                + " bound [0-9.]+, model busy [0-9.]+% of the pipelined wall time");
  }

  @Test
  void timesAnotherIntraOpThreadCountInTheSameRounds() {
    CliRun run =
        demoModel(
            "MiniShapes",
            "--rounds",
            "1",
            "--warm-up",
            "0",
            "--workers",
            "1",
            "--intra-op-threads",
            "auto",
            "--against-intra-op-threads",
            "0");
    assertThat(run.exitCode()).as(run.err()).isZero();
    int auto = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    assertThat(run.out())
        .contains("1 workers, intra-op threads on CPU: " + auto)
        .contains("with intra-op threads ONNX Runtime's default, same rounds:")
        .containsPattern("pipelined / slowest stage alone \\((model|CPU stage) alone\\): [0-9.]+")
        .containsPattern("pipelined above / this pipelined: [0-9.]+")
        .contains("summary: intra-op threads " + auto + ": pipelined / model alone ")
        .containsPattern(
            "summary: intra-op threads ONNX Runtime's default: pipelined / model alone [0-9.]+,"
                + " pipelined / CPU bound [0-9.]+\n");
  }

  /** bench encoding of the demo model on CPU on one task of the synthesised mmeb-mini. */
  private static CliRun demoModel(String task, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "bench",
                "encoding",
                "--model",
                "models/demo/spec.json",
                "--device",
                "cpu",
                "--benchmark",
                "mmeb-mini",
                "--task",
                task,
                "--data",
                dir.toString()));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void replayNeedsAModelWithADevice() {
    CliRun run =
        CliRun.of(
            "bench",
            "encoding",
            "--server",
            "http://127.0.0.1:9/",
            "--server-model",
            "m",
            "--benchmark",
            "mmeb-mini",
            "--task",
            "MiniGrounding",
            "--data",
            dir.toString(),
            "--replay",
            "3");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--replay needs an ONNX model");
  }
}
