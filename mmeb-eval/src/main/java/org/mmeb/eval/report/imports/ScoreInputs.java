package org.mmeb.eval.report.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.mmeb.eval.UserError;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.result.DatasetResult;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordFile;
import org.mmeb.eval.result.TiedHits;
import org.mmeb.eval.task.TaskRegistry;

/**
 * Reads what a command is pointed at: a run ({@code run.json}, or the folder holding it), an
 * all-scores report, or a folder of {@code {dataset}_score.json} files ({@code BENCHMARK=PATH}
 * picks the benchmark). Only a run has per-query outcomes for the paired tests.
 */
public final class ScoreInputs {
  private static final String RUN_FILE = "run.json";

  private ScoreInputs() {}

  /** A run (with its per-query outcomes) or imported scores. */
  public static ScoreSource read(String argument, TaskRegistry registry) {
    return input(argument, registry).scores();
  }

  /** A run (scores, reasoning block and tie flags from one read of its file) or imported scores. */
  public static ScoreInput input(String argument, TaskRegistry registry) {
    return input(argument, registry, RunRecordFile::read);
  }

  static ScoreInput input(
      String argument, TaskRegistry registry, Function<Path, RunRecord> readRun) {
    Path run = runFile(argument);
    if (run == null) {
      return new ScoreInput(ImportedScores.read(argument, registry), null, List.of());
    }
    RunRecord record = readRun.apply(run);
    return new ScoreInput(fromRun(run, record), record.reasoning(), TiedHits.flags(record));
  }

  /**
   * Every run under a results root ({@code <model>/<benchmark>/run.json}), in path order, without
   * per-query outcomes: a leaderboard shows scores only, and each run's outcomes are dropped as
   * soon as it is read.
   */
  public static List<ScoreSource> runsUnder(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<ScoreSource> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root, 3)) {
      for (Path file :
          files.filter(p -> p.getFileName().toString().equals(RUN_FILE)).sorted().toList()) {
        sources.add(fromRun(file, RunRecordFile.read(file)).withoutOutcomes());
      }
    } catch (IOException e) {
      throw new UserError("cannot list runs under " + root + ": " + e.getMessage(), e);
    }
    return sources;
  }

  static ScoreSource fromRun(Path file, RunRecord record) {
    List<String> tied =
        record.datasets().stream()
            .filter(d -> TiedHits.flag(d).isPresent())
            .map(DatasetResult::task)
            .toList();
    String source =
        "run "
            + file
            + (tied.isEmpty()
                ? ""
                : " [flagged: ties decided the hits of " + String.join(", ", tied) + "]");
    return new ScoreSource(
        record.model().name(),
        record.benchmark(),
        source,
        mainScores(record),
        ScoreSource.Printed.NONE,
        outcomes(record));
  }

  /** Each dataset's per-query main-metric values, where the run kept them. */
  private static Map<String, ScoreSource.QueryValues> outcomes(RunRecord record) {
    Map<String, ScoreSource.QueryValues> outcomes = new LinkedHashMap<>();
    for (DatasetResult d : record.datasets()) {
      if (d.queries() > 0 && d.outcomes() != null) {
        outcomes.put(
            d.task(), new ScoreSource.QueryValues(d.outcomes().row(), d.outcomes().mainValue()));
      }
    }
    return outcomes;
  }

  private static Map<String, Double> mainScores(RunRecord record) {
    Map<String, Double> scores = new LinkedHashMap<>();
    record.datasets().stream()
        .filter(d -> d.queries() > 0)
        .forEach(d -> scores.put(d.task(), d.mainScore()));
    return scores;
  }

  /** The run.json an argument names, or null when it names something else. */
  private static Path runFile(String argument) {
    if (argument.indexOf('=') > 0) {
      return null;
    }
    Path path = Path.of(argument);
    if (Files.isDirectory(path) && Files.isRegularFile(path.resolve(RUN_FILE))) {
      return path.resolve(RUN_FILE);
    }
    return Files.isRegularFile(path) && path.getFileName().toString().equals(RUN_FILE)
        ? path
        : null;
  }
}
