package org.mmeb.eval.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One CLI invocation in a child JVM (for tests that kill it), output and errors to a log file. */
final class ChildCli {
  private ChildCli() {}

  static Process start(Path log, String... args) throws IOException {
    return start(log, List.of(), args);
  }

  static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
    return new ProcessBuilder(command(jvmOptions, args))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** The java command line running the CLI with this JVM's class path. */
  static List<String> command(String... args) {
    return command(List.of(), args);
  }

  /** As {@link #command(String...)}, with options for the child JVM (heap limits, say). */
  static List<String> command(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return command;
  }
}
