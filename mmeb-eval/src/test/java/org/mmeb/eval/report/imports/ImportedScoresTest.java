package org.mmeb.eval.report.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.result.Vlm2VecScore;
import org.mmeb.eval.result.Vlm2VecScoreFile;
import org.mmeb.eval.task.TaskRegistry;

class ImportedScoresTest {
  private static final TaskRegistry REGISTRY = TaskRegistry.load(Path.of("tasks"), List.of());
  @TempDir Path dir;

  private Path folder(String name, Map<String, Map<String, Double>> scores) throws Exception {
    Path folder = dir.resolve(name);
    for (Map.Entry<String, Map<String, Double>> s : scores.entrySet()) {
      Vlm2VecScoreFile.write(
          Vlm2VecScoreFile.path(folder, s.getKey()), new Vlm2VecScore(s.getValue(), 1000, 1000));
    }
    return folder;
  }

  @Test
  void aFolderOfV1DatasetNamesIsReadAsMmebV1() throws Exception {
    Path f =
        folder(
            "my-model",
            Map.of("ImageNet-1K", Map.of("hit@1", 0.5), "OK-VQA", Map.of("hit@1", 0.25)));
    ScoreSource s = ImportedScores.read(f.toString(), REGISTRY);
    assertThat(s.benchmark()).isEqualTo("mmeb-v1");
    assertThat(s.name()).isEqualTo("my-model");
    assertThat(s.mainScores()).containsEntry("ImageNet-1K", 0.5).containsEntry("OK-VQA", 0.25);
  }

  @Test
  void aTaskOnlyV2HasMakesItMmebV2AndAPrefixForcesTheBenchmark() throws Exception {
    Path f =
        folder("v2", Map.of("ImageNet-1K", Map.of("hit@1", 0.5), "K700", Map.of("hit@1", 0.3)));
    assertThat(ImportedScores.read(f.toString(), REGISTRY).benchmark()).isEqualTo("mmeb-v2");
    Path g = folder("v2-images", Map.of("ImageNet-1K", Map.of("hit@1", 0.5)));
    ScoreSource forced = ImportedScores.read("mmeb-v2=" + g, REGISTRY);
    assertThat(forced.benchmark()).isEqualTo("mmeb-v2");
    assertThat(forced.mainScores()).containsOnlyKeys("ImageNet-1K");
  }

  @Test
  void aScoreFileWithoutTheMainMetricNamesTheFile() throws Exception {
    Path f = folder("bad", Map.of("OK-VQA", Map.of("hit@5", 0.5)));
    assertThatThrownBy(() -> ImportedScores.read(f.toString(), REGISTRY))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("OK-VQA_score.json")
        .hasMessageContaining("no 'hit@1'");
  }

  @Test
  void aMissingPathIsBadInput() {
    assertThatThrownBy(() -> ImportedScores.read(dir.resolve("none").toString(), REGISTRY))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("no such file or folder to import");
  }
}
