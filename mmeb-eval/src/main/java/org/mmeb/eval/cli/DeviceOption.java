package org.mmeb.eval.cli;

import picocli.CommandLine.Option;

/**
 * {@code --device}: where the commands that open an ONNX model run it (run, bench, serve, demo).
 * The default is a GPU, except for the demo, which runs anywhere.
 */
final class DeviceOption {
  // no defaultValue in the annotation: the field's initial value is the default (demo: cpu)
  @Option(
      names = "--device",
      description =
          "cpu, cuda:N, cuda:0,1 (one session per GPU) or tensorrt:N (default: ${DEFAULT-VALUE};"
              + " falls back to CPU with one line when CUDA cannot load).")
  String device;

  DeviceOption() {
    this("cuda:0");
  }

  DeviceOption(String defaultDevice) {
    this.device = defaultDevice;
  }
}
