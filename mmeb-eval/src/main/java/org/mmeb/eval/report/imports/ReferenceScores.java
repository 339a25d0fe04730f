package org.mmeb.eval.report.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mmeb.eval.UserError;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.task.TaskRegistry;

/**
 * The published scores under {@code leaderboard/reference/}: the V1 paper's Table 6 columns, the V2
 * paper's Table 5 columns, and VLM2Vec's released all-scores reports (the files behind Table 5).
 */
public final class ReferenceScores {
  public static final Path DEFAULT_DIR = Path.of("leaderboard", "reference");
  static final String TABLE6 = "mmeb-v1-paper-table6.json";
  static final String TABLE5 = "mmeb-v2-paper-table5.json";
  static final String SCORE_FILES = "vlm2vec-v2.0.0";

  private ReferenceScores() {}

  /**
   * What the leaderboard shows from the reference folder: Table 6's columns (with the aggregates
   * the paper prints) and every released V2 score file. Table 5 is not shown again: its numbers are
   * those score files' (a test holds them equal).
   */
  public static List<ScoreSource> leaderboardSources(Path dir, TaskRegistry registry) {
    List<ScoreSource> sources = new ArrayList<>();
    Path table6 = dir.resolve(TABLE6);
    if (Files.exists(table6)) {
      sources.addAll(PaperTable6Reader.read(table6).columns());
    }
    for (Path file : jsonFiles(dir.resolve(SCORE_FILES))) {
      sources.add(ImportedScores.fromReport(file, registry, "VLM2Vec score file v2.0.0"));
    }
    return sources;
  }

  /** Every published column a run can be checked against (reproduce --paper NAME). */
  public static List<ScoreSource> published(Path dir) {
    List<ScoreSource> columns = new ArrayList<>();
    Path table6 = dir.resolve(TABLE6);
    if (Files.exists(table6)) {
      columns.addAll(PaperTable6Reader.read(table6).columns());
    }
    Path table5 = dir.resolve(TABLE5);
    if (Files.exists(table5)) {
      columns.addAll(PaperTable5Reader.read(table5));
    }
    return columns;
  }

  static List<Path> jsonFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UserError("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
