package org.mmeb.eval.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this copy of mmeb-eval lives: the folder holding {@code tasks/}, {@code models/} and {@code
 * leaderboard/reference/}, so the launcher works from any directory. The launcher passes it as
 * {@code -Dmmeb.home}; otherwise it is found above the compiled classes (a Maven build or the
 * tests). Commands name it in option defaults as {@code ${mmeb.home}}.
 */
final class Installation {
  static final String PROPERTY = "mmeb.home";

  private Installation() {}

  static Path home() {
    String given = System.getProperty(PROPERTY);
    if (given != null && !given.isBlank()) {
      return Path.of(given).toAbsolutePath().normalize();
    }
    return aboveClasses().orElse(Path.of("").toAbsolutePath());
  }

  /** Makes {@code ${mmeb.home}} resolvable in option defaults. */
  static void publish() {
    System.setProperty(PROPERTY, home().toString());
  }

  static Path resolve(String relative) {
    return home().resolve(relative);
  }

  /**
   * A path as outputs show it: relative to the working directory when inside it, so that a
   * leaderboard generated from a checkout names {@code leaderboard/reference/...}, not the
   * machine's absolute path.
   */
  static Path shown(Path path) {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(cwd) ? cwd.relativize(absolute) : path;
  }

  private static Optional<Path> aboveClasses() {
    try {
      Path classes =
          Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = classes; dir != null; dir = dir.getParent()) {
        if (Files.isDirectory(dir.resolve("tasks"))
            && Files.isDirectory(dir.resolve("mmeb-eval"))) {
          return Optional.of(dir);
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // no usable code source (e.g. a custom class loader): fall back to the working directory
    }
    return Optional.empty();
  }
}
