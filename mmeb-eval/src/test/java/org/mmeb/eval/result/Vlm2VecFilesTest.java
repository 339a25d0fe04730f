package org.mmeb.eval.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;

class Vlm2VecFilesTest {
  @TempDir Path dir;

  @Test
  void scoreFileRoundTripsEveryValueExactly() throws Exception {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("hit@1", 0.4878048780487805);
    metrics.put("ndcg_linear@5", 0.5663817406801894);
    metrics.put("precision@5", 0.17439999999999997);
    Path file = Vlm2VecScoreFile.path(dir, "ViDoRe_docvqa");
    Vlm2VecScoreFile.write(file, new Vlm2VecScore(metrics, 451, 451));

    assertThat(file.getFileName().toString()).isEqualTo("ViDoRe_docvqa_score.json");
    Vlm2VecScore read = Vlm2VecScoreFile.read(file);
    assertThat(read.metrics()).containsExactlyEntriesOf(metrics);
    assertThat(read.numPred()).isEqualTo(451);
    assertThat(read.numData()).isEqualTo(451);
    assertThat(Files.readString(file)).contains("\"num_pred\" : 451");
  }

  @Test
  void releasedReportReadsAndRoundTrips() throws Exception {
    Vlm2VecReport report =
        Vlm2VecReportFile.read(Path.of("leaderboard/reference/vlm2vec-v2.0.0/colpali-v1.3.json"));
    assertThat(report.metadata()).containsEntry("model_name", "colpali-v1.3");
    assertThat(report.metrics()).containsOnlyKeys("image", "video", "visdoc");
    assertThat(report.metrics().get("visdoc").get("ViDoRe_arxivqa").metric("ndcg_linear@5"))
        .isEqualTo(0.8173769173240496);
    assertThat(report.metrics().get("visdoc").get("ViDoRe_arxivqa").numData()).isEqualTo(500);

    Path copy = dir.resolve("copy.json");
    Vlm2VecReportFile.write(copy, report);
    assertThat(Vlm2VecReportFile.read(copy)).isEqualTo(report);
  }

  @Test
  void statusStringsAreMissingDatasetsNotScores() throws Exception {
    Path file = dir.resolve("partial.json");
    Files.writeString(
        file,
        "{\"metadata\": {\"model_name\": \"m\"}, \"metrics\": {\"image\": {"
            + "\"ImageNet-1K\": {\"hit@1\": 0.5, \"num_pred\": 2, \"num_data\": 2},"
            + "\"N24News\": \"FILE_N/A\"}}}");
    Vlm2VecReport report = Vlm2VecReportFile.read(file);
    assertThat(report.metrics().get("image")).containsOnlyKeys("ImageNet-1K");
    assertThat(report.missing().get("image")).containsEntry("N24News", "FILE_N/A");
  }

  @Test
  void aNonNumericMetricNamesTheFileAndKey() throws Exception {
    Path file = dir.resolve("bad_score.json");
    Files.writeString(file, "{\"hit@1\": \"0.5\"}");
    assertThatThrownBy(() -> Vlm2VecScoreFile.read(file))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("bad_score.json")
        .hasMessageContaining("hit@1");
  }

  @Test
  void anImportedScoreOutsideZeroToOneOrInconsistentCountsIsRefused() throws Exception {
    Path file = dir.resolve("edited_score.json");
    Files.writeString(file, "{\"hit@1\": 57, \"num_pred\": 10, \"num_data\": 10}");
    assertThatThrownBy(() -> Vlm2VecScoreFile.read(file))
        .isInstanceOf(UserError.class)
        .hasMessage(file + ": 'hit@1' is 57, expected a fraction in [0, 1]");
    Files.writeString(file, "{\"hit@1\": 0.5, \"num_pred\": 11, \"num_data\": 10}");
    assertThatThrownBy(() -> Vlm2VecScoreFile.read(file))
        .isInstanceOf(UserError.class)
        .hasMessage(file + ": num_pred 11 and num_data 10 are inconsistent");
  }

  @Test
  void atomicWriteLeavesNoTemporaryFileBehind() throws Exception {
    Path target = dir.resolve("sub/out.json");
    AtomicFiles.writeString(target, "first");
    AtomicFiles.writeString(target, "second");
    assertThat(Files.readString(target)).isEqualTo("second");
    try (var files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }
}
