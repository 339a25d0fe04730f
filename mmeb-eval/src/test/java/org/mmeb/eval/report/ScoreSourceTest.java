package org.mmeb.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.UserError;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

class ScoreSourceTest {
  private final List<TaskSpec> v1 =
      TaskRegistry.load(Path.of("tasks"), List.of()).benchmark("mmeb-v1");

  @Test
  void aScoreForATaskOutsideTheBenchmarkIsBadInputNamingTheSource() {
    ScoreSource edited =
        ScoreSource.measured(
            "m", "mmeb-v1", "run results/m/mmeb-v1/run.json", Map.of("N24News", 0.5, "K700", 0.5));
    assertThatThrownBy(() -> edited.mainScoresOf(v1))
        .isInstanceOf(UserError.class)
        .hasMessage(
            "run results/m/mmeb-v1/run.json: a score for 'K700', which is not a task of mmeb-v1");
    ScoreSource fine = ScoreSource.measured("m", "mmeb-v1", "run x", Map.of("N24News", 0.5));
    assertThat(fine.mainScoresOf(v1)).containsEntry("N24News", 0.5);
  }
}
