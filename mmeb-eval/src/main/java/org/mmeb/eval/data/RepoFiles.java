package org.mmeb.eval.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mmeb.eval.UserError;

/** The files of a local copy of a hub repo, as '/'-separated paths relative to it. */
final class RepoFiles {
  /** Deep enough for {@code config/split/file}; frame folders never sit in a table repo. */
  private static final int MAX_DEPTH = 4;

  private RepoFiles() {}

  static List<String> list(Path repo) {
    try (Stream<Path> files = Files.walk(repo, MAX_DEPTH)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> repo.relativize(file).toString().replace(java.io.File.separatorChar, '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UserError(repo + ": cannot list: " + e.getMessage(), e);
    }
  }
}
