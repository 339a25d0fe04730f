package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.task.MetaTask;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

class AggregationTest {
  private final TaskRegistry registry = TaskRegistry.load(Path.of("tasks"), List.of());
  private final List<TaskSpec> v1 = registry.benchmark("mmeb-v1");

  /** Classification datasets all right, everything else all wrong. */
  private Map<String, Double> onlyClassificationRight() {
    Map<String, Double> scores = new LinkedHashMap<>();
    v1.forEach(t -> scores.put(t.name(), t.metaTask() == MetaTask.CLS ? 1.0 : 0.0));
    return scores;
  }

  @Test
  void overallIsTheMeanOverDatasetsNotOverMetaTasks() {
    BenchmarkSummary summary = Aggregation.summarize("mmeb-v1", v1, onlyClassificationRight());
    // 10 of 36 datasets at 100: 27.78, where the mean of the four meta-task means would be 25.0
    assertThat(summary.overall().displayText()).isEqualTo("27.8");
    assertThat(summary.group("CLS").orElseThrow().meanPercent()).isEqualTo(100.0);
    assertThat(summary.group("VQA").orElseThrow().meanPercent()).isEqualTo(0.0);
    assertThat(summary.metaTasks())
        .extracting(GroupScore::group)
        .containsExactlyInAnyOrder("CLS", "VQA", "RET", "GD");
    assertThat(summary.splits())
        .extracting(GroupScore::group)
        .containsExactlyInAnyOrder("IND", "OOD");
    assertThat(summary.modalities()).isEmpty();
    assertThat(summary.partial()).isFalse();
  }

  @Test
  void v2HasModalityGroupsAndNoSplits() {
    List<TaskSpec> v2 = registry.benchmark("mmeb-v2");
    Map<String, Double> scores = new LinkedHashMap<>();
    v2.forEach(t -> scores.put(t.name(), t.modality().label().equals("video") ? 0.5 : 0.2));
    BenchmarkSummary summary = Aggregation.summarize("mmeb-v2", v2, scores);
    assertThat(summary.modalities())
        .extracting(GroupScore::group)
        .containsExactlyInAnyOrder("image", "video", "visdoc");
    assertThat(summary.group("video").orElseThrow().expected()).isEqualTo(18);
    assertThat(summary.splits()).isEmpty();
    // (18 * 50 + 60 * 20) / 78
    assertThat(summary.overall().displayText()).isEqualTo("26.9");
  }

  @Test
  void aPartialRunSaysPresentOverExpected() {
    Map<String, Double> scores = onlyClassificationRight();
    v1.stream().filter(t -> t.metaTask() == MetaTask.GD).forEach(t -> scores.remove(t.name()));
    BenchmarkSummary summary = Aggregation.summarize("mmeb-v1", v1, scores);
    assertThat(summary.partial()).isTrue();
    assertThat(summary.overall().displayText()).isEqualTo("31.3 (partial 32/36)");
    assertThat(summary.group("GD").orElseThrow().displayText()).isEqualTo("- (partial 0/4)");
    assertThat(summary.group("CLS").orElseThrow().partial()).isFalse();
  }

  @Test
  void aScoreForATaskOutsideTheBenchmarkIsAnError() {
    assertThatThrownBy(() -> Aggregation.summarize("mmeb-v1", v1, Map.of("K700", 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("K700");
    assertThat(Aggregation.unknownTask(v1, Map.of("N24News", 0.5, "K700", 0.5))).contains("K700");
  }
}
