package org.mmeb.eval.report.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/**
 * Regression: a run of 4 of the 36 MMEB-V1 datasets ranked first, above complete rows. Partial rows
 * now rank after every complete row and their partial cells are marked in every format.
 */
class LeaderboardPartialRowsTest {
  private final TaskRegistry registry = TaskRegistry.load(Path.of("tasks"), List.of());

  private ScoreSource run(String model, int datasets, double score) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (TaskSpec t : registry.benchmark("mmeb-v1").subList(0, datasets)) {
      scores.put(t.name(), score);
    }
    return ScoreSource.measured(model, "mmeb-v1", "run " + model + "/run.json", scores);
  }

  @Test
  void aPartialRunRanksAfterCompleteRowsAndItsCellIsMarked() {
    Leaderboard board =
        new LeaderboardBuilder(registry)
            .build(List.of(run("four", 4, 0.99), run("full", 36, 0.5), run("half", 36, 0.4)));

    List<LeaderboardRow> rows = board.views().get(0).rows();
    assertThat(rows).extracting(r -> r.source().name()).containsExactly("full", "half", "four");
    assertThat(rows.get(2).partial("Overall")).isTrue();
    assertThat(rows.get(0).partial("Overall")).isFalse();
    assertThat(new MarkdownLeaderboard().render(board)).contains("| 99.0 (partial) [");
    assertThat(new HtmlLeaderboard().render(board))
        .contains("class=\"partial\">99.0 <small>partial</small>");
    assertThat(new JsonLeaderboard().render(board)).contains("\"partial\" : [ \"CLS\"");
  }
}
