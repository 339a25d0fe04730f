package org.mmeb.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: a class's {@code main} in a child JVM with this JVM's java and class path, errors
 * merged into the output (for tests that kill a process, limit its memory or hold a file from
 * another process).
 */
public final class ChildJvm {
  private ChildJvm() {}

  public static ProcessBuilder of(Class<?> main, String... args) {
    return of(List.of(), main, args);
  }

  /** As {@link #of(Class, String...)}, with options for the child JVM (heap limits, say). */
  public static ProcessBuilder of(List<String> jvmOptions, Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }
}
