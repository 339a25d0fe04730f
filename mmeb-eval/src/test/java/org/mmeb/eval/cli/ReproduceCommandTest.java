package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.report.imports.PaperTable6;
import org.mmeb.eval.report.imports.PaperTable6Reader;
import org.mmeb.eval.result.Vlm2VecScore;
import org.mmeb.eval.result.Vlm2VecScoreFile;

class ReproduceCommandTest {
  @TempDir Path dir;

  /** A folder of {dataset}_score.json holding Table 6's CLIP column, one dataset shifted. */
  private Path clipScores(String shifted, double points) throws Exception {
    PaperTable6 table =
        PaperTable6Reader.read(Path.of("leaderboard/reference/mmeb-v1-paper-table6.json"));
    Path folder = dir.resolve("clip");
    for (Map.Entry<String, java.math.BigDecimal> cell :
        table.column("CLIP").printed().datasets().entrySet()) {
      double percent = cell.getValue().doubleValue() + (cell.getKey().equals(shifted) ? points : 0);
      double hit = java.math.BigDecimal.valueOf(percent).movePointLeft(2).doubleValue();
      Vlm2VecScoreFile.write(
          Vlm2VecScoreFile.path(folder, cell.getKey()),
          new Vlm2VecScore(Map.of("hit@1", hit), 1000, 1000));
    }
    return folder;
  }

  @Test
  void thePapersOwnNumbersReproduceEveryCell() throws Exception {
    CliRun r = CliRun.of("reproduce", "--run", "mmeb-v1=" + clipScores("", 0), "--paper", "clip");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("RET                             53.0    53.0     0.0")
        .contains("0 of 43 cells beyond tolerance; 0 of 36 datasets missing from the run");
  }

  @Test
  void aDatasetOffByMoreThanTheToleranceFails() throws Exception {
    CliRun r =
        CliRun.of(
            "reproduce",
            "--run",
            "mmeb-v1=" + clipScores("OK-VQA", -1.0),
            "--paper",
            "CLIP",
            "--tolerance",
            "0.5");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("OK-VQA                           6.5     7.5    -1.0  BEYOND TOLERANCE")
        .contains("1 of 43 cells beyond tolerance");
  }

  @Test
  void theReleasedV2ScoreFileReproducesTable5() {
    CliRun r =
        CliRun.of(
            "reproduce",
            "--run",
            "leaderboard/reference/vlm2vec-v2.0.0/VLM2Vec-V2.0-Qwen2VL-2B.json",
            "--paper",
            "VLM2Vec-V2.0",
            "--tolerance",
            "0");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("0 of 94 cells beyond tolerance; 0 of 78 datasets missing from the run");
  }

  @Test
  void anUnknownColumnListsTheKnownOnes() {
    CliRun r =
        CliRun.of(
            "reproduce",
            "--run",
            "leaderboard/reference/vlm2vec-v2.0.0/colpali-v1.3.json",
            "--paper",
            "GPT");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no published column 'GPT'; known: CLIP, OpenCLIP");
  }
}
