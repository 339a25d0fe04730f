package org.mmeb.eval.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The commit of the harness checkout, read from {@code .git} files (no git binary needed; works in
 * worktrees, whose {@code .git} is a file pointing at the real git directory). {@code
 * MMEB_EVAL_GIT_COMMIT} overrides it (for builds outside a checkout).
 */
public final class GitCommit {
  public static final String UNKNOWN = "unknown";

  private GitCommit() {}

  public static String of(Path start) {
    String fromEnv = System.getenv("MMEB_EVAL_GIT_COMMIT");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    try {
      return find(start.toAbsolutePath()).orElse(UNKNOWN);
    } catch (IOException e) {
      return UNKNOWN;
    }
  }

  private static Optional<String> find(Path start) throws IOException {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path dotGit = dir.resolve(".git");
      if (Files.isDirectory(dotGit)) {
        return resolveHead(dotGit);
      }
      if (Files.isRegularFile(dotGit)) {
        String pointer = Files.readString(dotGit).strip();
        if (pointer.startsWith("gitdir:")) {
          return resolveHead(dir.resolve(pointer.substring("gitdir:".length()).strip()));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> resolveHead(Path gitDir) throws IOException {
    String head = Files.readString(gitDir.resolve("HEAD")).strip();
    if (!head.startsWith("ref:")) {
      return Optional.of(head);
    }
    String ref = head.substring("ref:".length()).strip();
    Path common = commonDir(gitDir);
    for (Path base : new Path[] {gitDir, common}) {
      Path refFile = base.resolve(ref);
      if (Files.isRegularFile(refFile)) {
        return Optional.of(Files.readString(refFile).strip());
      }
    }
    return packedRef(common, ref);
  }

  /** A worktree's git directory names the shared one in its {@code commondir} file. */
  private static Path commonDir(Path gitDir) throws IOException {
    Path commonDirFile = gitDir.resolve("commondir");
    return Files.isRegularFile(commonDirFile)
        ? gitDir.resolve(Files.readString(commonDirFile).strip()).normalize()
        : gitDir;
  }

  private static Optional<String> packedRef(Path common, String ref) throws IOException {
    Path packed = common.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed)) {
        if (line.endsWith(" " + ref)) {
          return Optional.of(line.substring(0, line.indexOf(' ')));
        }
      }
    }
    return Optional.empty();
  }
}
