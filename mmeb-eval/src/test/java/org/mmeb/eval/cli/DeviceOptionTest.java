package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The one shared {@code --device}: a GPU by default, the CPU for the demo, whatever is given. */
class DeviceOptionTest {
  private static CommandLine parsed(String... args) {
    CommandLine cli = Main.newCommandLine();
    CommandLine.ParseResult result = cli.parseArgs(args);
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return result.commandSpec().commandLine();
  }

  @Test
  void runAndServeDefaultToTheFirstGpuAndTheDemoToTheCpu() {
    RunCommand run =
        parsed("run", "--model", "m.json", "--benchmark", "b", "--data", "d").getCommand();
    ServeCommand serve = parsed("serve", "--model", "m.json").getCommand();
    DemoCommand demo = parsed("demo").getCommand();
    assertThat(run.encoderOptions.device.device).isEqualTo("cuda:0");
    assertThat(serve.device.device).isEqualTo("cuda:0");
    assertThat(demo.device.device).isEqualTo("cpu");
  }

  @Test
  void aGivenDeviceIsUsed() {
    DemoCommand demo = parsed("demo", "--device", "cuda:1").getCommand();
    ServeCommand serve = parsed("serve", "--model", "m.json", "--device", "cpu").getCommand();
    assertThat(demo.device.device).isEqualTo("cuda:1");
    assertThat(serve.device.device).isEqualTo("cpu");
  }
}
