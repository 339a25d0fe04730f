package org.mmeb.eval.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --cache-dir}: the embedding cache of the commands that encode (run, demo). */
final class CacheOption {
  @Option(
      names = "--cache-dir",
      defaultValue = ".mmeb-cache",
      description = "Embedding cache (default: ${DEFAULT-VALUE}).")
  Path cacheDir;
}
