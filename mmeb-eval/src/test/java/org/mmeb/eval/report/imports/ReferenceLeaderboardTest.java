package org.mmeb.eval.report.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.report.leaderboard.Leaderboard;
import org.mmeb.eval.report.leaderboard.LeaderboardBuilder;
import org.mmeb.eval.report.leaderboard.LeaderboardRow;
import org.mmeb.eval.report.leaderboard.LeaderboardView;
import org.mmeb.eval.report.leaderboard.MarkdownLeaderboard;
import org.mmeb.eval.task.TaskRegistry;

/**
 * The leaderboard built from leaderboard/reference/ prints the papers' numbers exactly: every
 * aggregate and per-dataset cell of Table 6 (V1) and Table 5 (V2), and a note exactly where Table
 * 6's printed aggregate cannot come from its own per-dataset numbers (the paper's two typos).
 */
class ReferenceLeaderboardTest {
  private static final Path REFERENCE = ReferenceScores.DEFAULT_DIR;
  private static Leaderboard board;

  @BeforeAll
  static void build() {
    TaskRegistry registry = TaskRegistry.load(Path.of("tasks"), List.of());
    board =
        new LeaderboardBuilder(registry)
            .build(ReferenceScores.leaderboardSources(REFERENCE, registry));
  }

  private static LeaderboardView view(String benchmark) {
    return board.views().stream()
        .filter(v -> v.benchmark().equals(benchmark))
        .findFirst()
        .orElseThrow();
  }

  private static LeaderboardRow row(LeaderboardView view, String model) {
    return view.rows().stream()
        .filter(r -> r.source().name().equals(model))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, BigDecimal> datasetCells(LeaderboardRow row) {
    Map<String, BigDecimal> cells = new LinkedHashMap<>();
    row.datasets().forEach(d -> cells.put(d.dataset(), BigDecimal.valueOf(d.score())));
    return cells;
  }

  private static Map<String, BigDecimal> aggregateCells(LeaderboardRow row) {
    Map<String, BigDecimal> cells = new LinkedHashMap<>();
    row.scores().forEach((column, score) -> cells.put(column, BigDecimal.valueOf(score)));
    return cells;
  }

  @Test
  void v1ShowsEveryCellOfTable6AsPrinted() {
    PaperTable6 table = PaperTable6Reader.read(REFERENCE.resolve(ReferenceScores.TABLE6));
    LeaderboardView v1 = view("mmeb-v1");
    assertThat(v1.rows()).hasSize(8);
    for (ScoreSource column : table.columns()) {
      LeaderboardRow row = row(v1, column.name());
      assertThat(row.present()).isEqualTo(36);
      assertThat(aggregateCells(row)).as(column.name()).isEqualTo(column.printed().aggregates());
      assertThat(datasetCells(row)).as(column.name()).isEqualTo(column.printed().datasets());
    }
  }

  @Test
  void v1NotesExactlyThePapersTwoKnownTypos() {
    LeaderboardView v1 = view("mmeb-v1");
    Map<String, Map<String, String>> notes = new LinkedHashMap<>();
    v1.rows().stream()
        .filter(r -> !r.notes().isEmpty())
        .forEach(r -> notes.put(r.source().name(), r.notes()));
    assertThat(notes.keySet()).containsExactlyInAnyOrder("SigLIP", "UniIR");
    assertThat(notes.get("SigLIP"))
        .containsExactly(
            Map.entry(
                "RET", "the paper prints 31.6; the mean of its 12 per-dataset scores is 44.1"));
    assertThat(notes.get("UniIR"))
        .containsOnlyKeys("GD", "IND", "OOD", "Overall")
        .containsEntry("GD", "the paper prints 65.3; the mean of its 4 per-dataset scores is 62.2")
        .containsEntry(
            "Overall", "the paper prints 44.7; the mean of its 36 per-dataset scores is 44.3");
  }

  @Test
  void v2ShowsEveryCellOfTable5FromTheReleasedScoreFiles() {
    List<ScoreSource> table5 = PaperTable5Reader.read(REFERENCE.resolve(ReferenceScores.TABLE5));
    Map<String, String> modelOfScoreFile =
        Map.of(
            "ColPali v1.3", "colpali-v1.3",
            "GME-2B", "gme-Qwen2-VL-2B-Instruct",
            "VLM2Vec-7B", "VLM2Vec-V1-Qwen2VL-7B",
            "VLM2Vec-V2.0", "VLM2Vec-V2.0-Qwen2VL-2B");
    LeaderboardView v2 = view("mmeb-v2");
    assertThat(table5).hasSize(4);
    for (ScoreSource column : table5) {
      LeaderboardRow row = row(v2, modelOfScoreFile.get(column.name()));
      assertThat(row.present()).isEqualTo(78);
      assertThat(row.notes()).isEmpty();
      assertThat(aggregateCells(row)).as(column.name()).isEqualTo(column.printed().aggregates());
      assertThat(datasetCells(row)).as(column.name()).isEqualTo(column.printed().datasets());
    }
  }

  @Test
  void theMarkdownPrintsThePrintedNumbers() {
    String markdown = new MarkdownLeaderboard().render(board);
    assertThat(markdown)
        .containsPattern(
            "\\| SigLIP \\| VLM2Vec paper .* \\| 36/36 \\| 40\\.3 \\| 8\\.4 \\| 31\\.6 \\[\\d\\] \\| 59\\.5 \\| 32\\.3 \\| 38\\.0 \\| 34\\.8 \\|")
        .contains("| 58.0 |");
  }
}
