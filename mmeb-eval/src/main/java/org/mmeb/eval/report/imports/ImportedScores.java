package org.mmeb.eval.report.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mmeb.eval.UserError;
import org.mmeb.eval.report.BenchmarkColumns;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.result.Vlm2VecReport;
import org.mmeb.eval.result.Vlm2VecReportFile;
import org.mmeb.eval.result.Vlm2VecScore;
import org.mmeb.eval.result.Vlm2VecScoreFile;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/**
 * Scores computed elsewhere, in VLM2Vec's shapes: an all-scores report (a JSON file, MMEB-V2) or a
 * folder of {@code {dataset}_score.json} files. A folder is read as MMEB-V1 unless it holds a task
 * only V2 has (the 36 image datasets carry the same names in both); {@code mmeb-v2=PATH} says so
 * explicitly.
 */
public final class ImportedScores {
  private ImportedScores() {}

  /** {@code PATH} or {@code BENCHMARK=PATH}. */
  public static ScoreSource read(String argument, TaskRegistry registry) {
    int equals = argument.indexOf('=');
    String benchmark = equals > 0 ? argument.substring(0, equals) : null;
    Path path = Path.of(equals > 0 ? argument.substring(equals + 1) : argument);
    if (!Files.exists(path)) {
      throw new UserError(path + ": no such file or folder to import");
    }
    if (Files.isDirectory(path)) {
      return fromScoreFolder(path, benchmark, registry);
    }
    if (benchmark != null && !benchmark.equals(BenchmarkColumns.V2)) {
      throw new UserError(path + ": an all-scores report is an MMEB-V2 result, not " + benchmark);
    }
    return fromReport(path, registry, "imported");
  }

  static ScoreSource fromReport(Path file, TaskRegistry registry, String label) {
    Vlm2VecReport report = Vlm2VecReportFile.read(file);
    Object name = report.metadata().get("model_name");
    String model = name instanceof String s && !s.isBlank() ? s : stem(file);
    Map<String, Double> scores = report.mainScores(registry.benchmark(BenchmarkColumns.V2));
    return ScoreSource.measured(model, BenchmarkColumns.V2, label + " " + file, scores);
  }

  static ScoreSource fromScoreFolder(Path dir, String benchmark, TaskRegistry registry) {
    Map<String, Vlm2VecScore> files = readScoreFiles(dir);
    String chosen = benchmark != null ? benchmark : inferBenchmark(files.keySet(), registry);
    Map<String, Double> scores = new LinkedHashMap<>();
    for (TaskSpec task : registry.benchmark(chosen)) {
      Vlm2VecScore score = files.get(task.name());
      if (score != null) {
        scores.put(task.name(), mainScore(dir, task, score));
      }
    }
    return ScoreSource.measured(stem(dir), chosen, "imported " + dir, scores);
  }

  /** dataset → its {@code {dataset}_score.json}; a folder without any is bad input. */
  private static Map<String, Vlm2VecScore> readScoreFiles(Path dir) {
    Map<String, Vlm2VecScore> files = new LinkedHashMap<>();
    for (Path file : scoreFiles(dir)) {
      String name = file.getFileName().toString();
      files.put(
          name.substring(0, name.length() - "_score.json".length()), Vlm2VecScoreFile.read(file));
    }
    if (files.isEmpty()) {
      throw new UserError(dir + ": no {dataset}_score.json files to import");
    }
    return files;
  }

  private static double mainScore(Path dir, TaskSpec task, Vlm2VecScore score) {
    Double value = score.metric(task.mainMetric().toString());
    if (value == null) {
      throw new UserError(
          Vlm2VecScoreFile.path(dir, task.name())
              + ": no '"
              + task.mainMetric()
              + "', the task's main metric");
    }
    return value;
  }

  private static String inferBenchmark(java.util.Set<String> names, TaskRegistry registry) {
    List<String> v1 = registry.benchmark(BenchmarkColumns.V1).stream().map(TaskSpec::name).toList();
    return v1.containsAll(names) ? BenchmarkColumns.V1 : BenchmarkColumns.V2;
  }

  private static List<Path> scoreFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("_score.json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UserError("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String stem(Path path) {
    String name = path.toAbsolutePath().normalize().getFileName().toString();
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }
}
