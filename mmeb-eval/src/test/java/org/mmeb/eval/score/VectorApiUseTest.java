package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The main code uses the Vector API only in the ways that keep the kernel compiled well (see {@link
 * VectorFloatDots}' class comment): float vectors of one species, and no lane-wise operation but
 * {@code fma}. A second operator kind anywhere in the JVM let C2 compile the kernel's stores as
 * calls on boxed vectors in some runs (6-40x slower), which no test can catch by timing; this one
 * reads the sources instead.
 */
class VectorApiUseTest {
  /** The tests run from the project root. */
  private static final Path MAIN = Path.of("mmeb-eval/src/main/java");

  /** Anything else from the Vector API that the kernels' code could reach for. */
  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "VectorOperators|VectorMask|VectorShuffle|(Double|Int|Long|Short|Byte)Vector|"
              + "(?<!Math)\\.(add|sub|mul|div|neg|abs|min|max|lanewise|reduceLanes|compare|blend|"
              + "rearrange|convert|castShape|reinterpretShape|lane|withLane|toArray)\\(");

  @Test
  void vectorCodeUsesOnlyFloatFmaLoadsAndStores() throws IOException {
    List<String> offences = new ArrayList<>();
    for (Path file : vectorApiUsers()) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String code = withoutComment(lines.get(i));
        Matcher forbidden = FORBIDDEN.matcher(code);
        while (forbidden.find()) {
          offences.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + forbidden.group());
        }
      }
    }
    assertThat(offences).isEmpty();
  }

  @Test
  void theKernelsAreAmongTheFilesRead() throws IOException {
    List<String> names = vectorApiUsers().stream().map(p -> p.getFileName().toString()).toList();
    assertThat(names).contains("BroadcastKernel.java", "VectorFloatDots.java");
  }

  /** Main sources that import the Vector API. */
  private static List<Path> vectorApiUsers() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(VectorApiUseTest::importsVectorApi)
          .sorted()
          .toList();
    }
  }

  private static boolean importsVectorApi(Path file) {
    try {
      return Files.readString(file).contains("import jdk.incubator.vector.");
    } catch (IOException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
  }

  /** The line without a trailing {@code //} comment or a javadoc/block comment line. */
  private static String withoutComment(String line) {
    String trimmed = line.trim();
    if (trimmed.startsWith("*") || trimmed.startsWith("/*")) {
      return "";
    }
    int comment = line.indexOf("//");
    return comment < 0 ? line : line.substring(0, comment);
  }
}
