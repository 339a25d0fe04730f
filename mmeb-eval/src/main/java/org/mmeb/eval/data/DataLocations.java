package org.mmeb.eval.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.images.ImageStores;
import org.mmeb.eval.data.table.HubDataFiles;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.TaskSpec;

/**
 * Where a task's files sit under a data folder. Tables ({@code source.file_pattern}) are looked up
 * under {@code DIR/<source.repo>/} first (a folder holding one copy per hub repo), then under
 * {@code DIR/} (the data folder is a copy of the task's repo, as for MMEB-eval). Images ({@code
 * source.images}) are relative to {@code DIR/}: an archive is read as it is; when it is absent, the
 * folder it unpacks to is used ({@code images/} for {@code images.zip}), then the reference's own
 * unpack folder ({@code eval_images/} for MMEB-V1 as in the VLM2Vec v1 README, the archive's parent
 * folder for MMEB-V2's {@code image-tasks/mmeb_v1.tar.gz}, which the reference unpacks in place).
 */
public final class DataLocations {
  private DataLocations() {}

  /** The task's one table file (V1, V2 image, video layouts): a literal path or a simple glob. */
  public static Path tableFile(TaskSpec spec, Path dataRoot) {
    if (spec.source().filePattern() == null) {
      return tables(spec, dataRoot).get(0).file();
    }
    List<Path> files = tableFiles(spec, dataRoot, spec.source().filePattern());
    if (files.isEmpty()) {
      throw new UserError(
          spec.name()
              + ": no file matching '"
              + spec.source().filePattern()
              + "' under "
              + candidateBases(spec, dataRoot));
    }
    return files.get(0);
  }

  /**
   * Every file matching a pattern, in name order, under the first base folder that has any. A
   * pattern's last path part may hold {@code *} (any characters but '/'); earlier parts are
   * literal.
   */
  public static List<Path> tableFiles(TaskSpec spec, Path dataRoot, String pattern) {
    for (Path base : candidateBases(spec, dataRoot)) {
      List<Path> files = match(base, pattern);
      if (!files.isEmpty()) {
        return files;
      }
    }
    return List.of();
  }

  /**
   * A table file of a task and the hub config it belongs to ({@code subset} is set when the task
   * reads several configs: the reference tags each row with its config, as MVBench's {@code subset}
   * column).
   */
  public record TableSource(Path file, String subset) {}

  /**
   * Every table file the task reads, in reading order: the files matching {@code
   * source.file_pattern} when the task names one; else, per config, the files of the config and
   * split under {@code DIR/<source.repo>/} as the hub lays them out ({@link HubDataFiles}).
   */
  public static List<TableSource> tables(TaskSpec spec, Path dataRoot) {
    return spec.source().filePattern() != null
        ? patternTables(spec, dataRoot)
        : hubLayoutTables(spec, dataRoot);
  }

  private static List<TableSource> patternTables(TaskSpec spec, Path dataRoot) {
    List<TableSource> files =
        tableFiles(spec, dataRoot, spec.source().filePattern()).stream()
            .map(file -> new TableSource(file, null))
            .toList();
    if (files.isEmpty()) {
      tableFile(spec, dataRoot); // throws the one-line error naming where it looked
    }
    return files;
  }

  /** Per config, the config's and split's files under {@code DIR/<source.repo>/}. */
  private static List<TableSource> hubLayoutTables(TaskSpec spec, Path dataRoot) {
    TaskSpec.DataSource source = spec.source();
    Path repo = repoFolder(spec, dataRoot);
    List<String> present = RepoFiles.list(repo);
    List<String> configs = HubDataFiles.configs(source);
    List<TableSource> tables = new ArrayList<>();
    for (String config : configs) {
      List<String> files =
          HubDataFiles.selectOrFail(spec.name(), present, config, source.split(), repo.toString());
      String subset = configs.size() > 1 ? config : null;
      files.forEach(file -> tables.add(new TableSource(repo.resolve(file), subset)));
    }
    return tables;
  }

  /** {@code DIR/<source.repo>/}, where {@code data download} puts a hub repo's files. */
  static Path repoFolder(TaskSpec spec, Path dataRoot) {
    String repo = spec.source().repo();
    if (repo == null || repo.isBlank()) {
      throw new UserError(
          spec.name() + ": the task names neither a file_pattern nor a hub repo (source.repo)");
    }
    Path folder = dataRoot.resolve(repo);
    if (!Files.isDirectory(folder)) {
      throw new UserError(
          spec.name()
              + ": "
              + folder
              + " not found (the files of hub repo "
              + repo
              + "; fetch them with data download)");
    }
    return folder;
  }

  /** Whether the task's table files are there (all three parts for a BEIR task). */
  public static boolean tablesPresent(TaskSpec spec, Path dataRoot) {
    String pattern = spec.source().filePattern();
    if (pattern == null) {
      try {
        return !tables(spec, dataRoot).isEmpty();
      } catch (UserError missing) {
        return false;
      }
    }
    List<String> patterns =
        spec.layout() == Layout.BEIR_VISDOC
            ? List.of("queries", "corpus", "qrels").stream()
                .map(part -> pattern.replace("{queries,corpus,qrels}", part))
                .toList()
            : List.of(pattern);
    return patterns.stream().allMatch(p -> !tableFiles(spec, dataRoot, p).isEmpty());
  }

  /** Where a task's images are: an archive or a folder, per the rules above. */
  public static Path imageLocation(TaskSpec spec, Path dataRoot) {
    String images = spec.source().images();
    if (images == null || images.isBlank()) {
      throw new UserError(spec.name() + ": the task file names no image source (source.images)");
    }
    List<Path> candidates = imageCandidates(spec, dataRoot.resolve(images));
    for (Path candidate : candidates) {
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new UserError(spec.name() + ": images not found; looked for " + candidates);
  }

  static List<Path> imageCandidates(TaskSpec spec, Path declared) {
    List<Path> candidates = new ArrayList<>(List.of(declared));
    if (ImageStores.isArchive(declared)) {
      candidates.add(ImageStores.unpackedFolder(declared));
      if (spec.layout() == Layout.MMEB_V1_PARQUET) {
        candidates.add(declared.resolveSibling("eval_images"));
      } else if (declared.getParent() != null) {
        candidates.add(declared.getParent());
      }
    }
    return candidates;
  }

  private static List<Path> candidateBases(TaskSpec spec, Path dataRoot) {
    List<Path> bases = new ArrayList<>();
    String repo = spec.source().repo();
    if (repo != null && !repo.isBlank() && Files.isDirectory(dataRoot.resolve(repo))) {
      bases.add(dataRoot.resolve(repo));
    }
    bases.add(dataRoot);
    return bases;
  }

  private static List<Path> match(Path base, String pattern) {
    int slash = pattern.lastIndexOf('/');
    Path folder = slash < 0 ? base : base.resolve(pattern.substring(0, slash));
    String namePattern = pattern.substring(slash + 1);
    if (!namePattern.contains("*")) {
      Path file = folder.resolve(namePattern);
      return Files.isRegularFile(file) ? List.of(file) : List.of();
    }
    return Files.isDirectory(folder) ? listMatching(folder, namePattern) : List.of();
  }

  /** The regular files in {@code folder} whose name matches a {@code *} pattern, sorted. */
  private static List<Path> listMatching(Path folder, String namePattern) {
    String regex = ("\\Q" + namePattern + "\\E").replace("*", "\\E[^/]*\\Q");
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches(regex))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UserError(folder + ": cannot list: " + e.getMessage(), e);
    }
  }
}
