package org.mmeb.eval.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.RankingTask;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/** The kernel is warmed up for runs with tasks of V1's size, not for the demo's. */
class KernelWarmUpTest {
  private final TaskRegistry registry = TaskRegistry.load(Path.of("tasks"), List.of());

  @Test
  void theDemoBenchmarkDeclaresNoTaskWorthTheWarmUp() {
    List<TaskSpec> demo = registry.benchmark("mmeb-mini");
    assertThat(demo).isNotEmpty();
    assertThat(demo).allMatch(spec -> KernelWarmUp.declaredPairs(spec) < KernelWarmUp.WORTH_PAIRS);
  }

  @Test
  void v1ClassificationTasksDeclareAMillionPairs() {
    TaskSpec imageNet = registry.findByName("ImageNet-1K").get(0).spec();
    assertThat(KernelWarmUp.declaredPairs(imageNet)).isEqualTo(1_000_000);
  }

  @Test
  void localTasksCountEachRowsCandidates() {
    assertThat(KernelWarmUp.pairs(local(400, 250))).isEqualTo(KernelWarmUp.WORTH_PAIRS);
    assertThat(KernelWarmUp.pairs(local(399, 250))).isLessThan(KernelWarmUp.WORTH_PAIRS);
    assertThat(KernelWarmUp.pairs(local(0, 10))).isZero();
  }

  @Test
  void globalTasksCountEveryQueryAgainstEveryCandidate() {
    assertThat(KernelWarmUp.pairs(global(10, 10_000))).isEqualTo(100_000);
    assertThat(KernelWarmUp.pairs(global(100, 300))).isEqualTo(30_000);
  }

  @Test
  void everyKernelShapeRunsOnTheBestKernel() {
    assertThatCode(KernelWarmUp::run).doesNotThrowAnyException();
  }

  private static RankingTask local(int rows, int candidates) {
    List<Item> items = Collections.nCopies(candidates, Item.textOnly("c", "c"));
    List<QueryRow> queryRows =
        Collections.nCopies(rows, new QueryRow(0, Item.textOnly("q", "q"), items, Map.of()));
    return new RankingTask(Tasks.spec("local", "hit@1", EvalType.LOCAL), queryRows, List.of());
  }

  private static RankingTask global(int rows, int candidates) {
    List<QueryRow> queryRows =
        Collections.nCopies(rows, new QueryRow(0, Item.textOnly("q", "q"), List.of(), Map.of()));
    List<Item> all = Collections.nCopies(candidates, Item.textOnly("c", "c"));
    return new RankingTask(Tasks.spec("global", "hit@1", EvalType.GLOBAL), queryRows, all);
  }
}
