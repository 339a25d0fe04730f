package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.Json;
import org.mmeb.eval.result.Vlm2VecReport;
import org.mmeb.eval.result.Vlm2VecReportFile;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/**
 * The four released v2.0.0 score files, read and aggregated by our code, print every cell of the
 * MMEB-V2 paper's Table 5: 78 datasets and 16 aggregate columns per model.
 */
class Table5ReproductionTest {
  private static final Path REFERENCE = Path.of("leaderboard/reference");
  private final List<TaskSpec> tasks =
      TaskRegistry.load(Path.of("tasks"), List.of()).benchmark("mmeb-v2");

  @Test
  void everyCellOfTable5IsReproducedFromTheScoreFiles() throws Exception {
    JsonNode table = Json.PLAIN.readTree(REFERENCE.resolve("mmeb-v2-paper-table5.json").toFile());
    List<String> mismatches = new ArrayList<>();
    int cells = 0;
    for (Map.Entry<String, JsonNode> model : table.get("models").properties()) {
      Vlm2VecReport report =
          Vlm2VecReportFile.read(REFERENCE.resolve(model.getValue().get("score_file").asText()));
      Map<String, Double> main = report.mainScores(tasks);
      assertThat(main).hasSize(78);
      for (Map.Entry<String, JsonNode> cell : model.getValue().get("datasets").properties()) {
        String ours = PaperRounding.format(PaperRounding.dataset(main.get(cell.getKey())));
        cells += check(mismatches, model.getKey() + " " + cell.getKey(), ours, cell.getValue());
      }
      BenchmarkSummary summary = Aggregation.summarize("mmeb-v2", tasks, main);
      assertThat(summary.partial()).isFalse();
      for (Map.Entry<String, JsonNode> cell : model.getValue().get("aggregates").properties()) {
        String group = table.get("columns").get(cell.getKey()).get("group").asText();
        String ours = summary.group(group).orElseThrow().displayText();
        cells += check(mismatches, model.getKey() + " " + cell.getKey(), ours, cell.getValue());
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(cells).isEqualTo(4 * (78 + 16));
  }

  @Test
  void cellsPrintTheSameUnderAGermanDefaultLocale() throws Exception {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      everyCellOfTable5IsReproducedFromTheScoreFiles();
      // round4 first (0.8085), then half-up: the paper double-rounds.
      assertThat(PaperRounding.format(PaperRounding.dataset(0.80849999))).isEqualTo("80.9");
    } finally {
      Locale.setDefault(saved);
    }
  }

  private static int check(List<String> mismatches, String cell, String ours, JsonNode paper) {
    String expected =
        new BigDecimal(paper.asText()).setScale(1, RoundingMode.UNNECESSARY).toPlainString();
    if (!ours.equals(expected)) {
      mismatches.add(cell + ": ours " + ours + ", paper " + expected);
    }
    return 1;
  }
}
