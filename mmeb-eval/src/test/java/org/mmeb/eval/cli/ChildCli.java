package org.mmeb.eval.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mmeb.eval.ChildJvm;

/** One CLI invocation in a child JVM (for tests that kill it), output and errors to a log file. */
final class ChildCli {
  private ChildCli() {}

  static Process start(Path log, String... args) throws IOException {
    return start(log, List.of(), args);
  }

  /** As {@link #start(Path, String...)}, with options for the child JVM (heap limits, say). */
  static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
    return ChildJvm.of(jvmOptions, Main.class, args).redirectOutput(log.toFile()).start();
  }
}
