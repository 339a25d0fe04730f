package org.mmeb.eval.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** One CLI invocation in a child JVM (for tests that kill it), output and errors to a log file. */
final class ChildCli {
  private ChildCli() {}

  static Process start(Path log, String... args) throws IOException {
    return new ProcessBuilder(command(args))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** The java command line running the CLI with this JVM's class path. */
  static List<String> command(String... args) {
    return Stream.concat(
            Stream.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()),
            Stream.of(args))
        .toList();
  }
}
