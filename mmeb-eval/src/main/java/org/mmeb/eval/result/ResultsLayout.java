package org.mmeb.eval.result;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mmeb.eval.SafeFileName;

/**
 * Where results go: {@code <root>/<model>/<benchmark>/run.json}, and next to it VLM2Vec's shapes
 * ({@code vlm2vec/{dataset}_score.json} and the all-scores report {@code vlm2vec/<model>.json}) so
 * VLM2Vec's own tools read our runs.
 */
public final class ResultsLayout {
  private ResultsLayout() {}

  public static Path runDir(Path root, String model, String benchmark) {
    return root.resolve(safeName(model)).resolve(SafeFileName.of(benchmark));
  }

  public static Path runFile(Path root, String model, String benchmark) {
    return runDir(root, model, benchmark).resolve("run.json");
  }

  /** Model names like {@code org/model} become one folder name: {@code org__model}. */
  public static String safeName(String model) {
    return SafeFileName.of(model);
  }

  /** Writes run.json and the VLM2Vec-shaped files; returns run.json's path. */
  public static Path write(Path root, RunRecord record) throws IOException {
    Path dir = runDir(root, record.model().name(), record.benchmark());
    Path vlm2vec = dir.resolve("vlm2vec");
    Map<String, Map<String, Vlm2VecScore>> byModality = new LinkedHashMap<>();
    for (DatasetResult d : record.datasets()) {
      Vlm2VecScore score = new Vlm2VecScore(d.metrics(), d.queries(), d.queries());
      Vlm2VecScoreFile.write(Vlm2VecScoreFile.path(vlm2vec, d.task()), score);
      byModality.computeIfAbsent(d.modality(), m -> new LinkedHashMap<>()).put(d.task(), score);
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("model_name", record.model().name());
    metadata.put("report_generated_date", record.provenance().finishedAt());
    metadata.put("data_source", "mmeb-eval " + record.provenance().harnessVersion());
    Vlm2VecReportFile.write(
        vlm2vec.resolve(safeName(record.model().name()) + ".json"),
        new Vlm2VecReport(metadata, byModality, Map.of()));
    Path run = dir.resolve("run.json");
    RunRecordFile.write(run, record);
    return run;
  }
}
