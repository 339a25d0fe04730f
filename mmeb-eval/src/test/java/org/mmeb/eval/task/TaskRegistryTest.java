package org.mmeb.eval.task;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmeb.eval.UserError;

class TaskRegistryTest {
  private final TaskRegistry registry = TaskRegistry.load(Path.of("tasks"), List.of());

  private static <T> Map<T, Long> countBy(List<TaskSpec> tasks, Function<TaskSpec, T> f) {
    return tasks.stream().collect(groupingBy(f, counting()));
  }

  @Test
  void mmebV1HasThe36DatasetsOfThePaper() {
    List<TaskSpec> v1 = registry.benchmark("mmeb-v1");
    assertThat(v1).hasSize(36);
    assertThat(countBy(v1, t -> t.metaTask().label()))
        .containsExactlyInAnyOrderEntriesOf(Map.of("CLS", 10L, "VQA", 10L, "RET", 12L, "GD", 4L));
    assertThat(countBy(v1, TaskSpec::splitLabel))
        .containsExactlyInAnyOrderEntriesOf(Map.of("IND", 20L, "OOD", 16L));
    assertThat(v1).allSatisfy(t -> assertThat(t.mainMetric()).hasToString("hit@1"));
    assertThat(v1).allSatisfy(t -> assertThat(t.evalType()).isEqualTo(EvalType.LOCAL));
    assertThat(v1).allSatisfy(t -> assertThat(t.dedupeKey()).isEqualTo(DedupeKey.TEXT_AND_IMAGE));
    assertThat(v1).allSatisfy(t -> assertThat(t.expectedQueries()).isEqualTo(1000));
  }

  @Test
  void mmebV2HasThe78TasksInTheirGroups() {
    List<TaskSpec> v2 = registry.benchmark("mmeb-v2");
    assertThat(v2).hasSize(78);
    assertThat(countBy(v2, TaskSpec::modality))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Modality.IMAGE, 36L, Modality.VIDEO, 18L, Modality.VISDOC, 24L));
    assertThat(countBy(v2, t -> t.metaTask().label()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("I-CLS", 10L),
                Map.entry("I-QA", 10L),
                Map.entry("I-RET", 12L),
                Map.entry("I-VG", 4L),
                Map.entry("V-CLS", 5L),
                Map.entry("V-QA", 5L),
                Map.entry("V-RET", 5L),
                Map.entry("V-MRET", 3L),
                Map.entry("VD-ViDoRe-V1", 10L),
                Map.entry("VD-ViDoRe-V2", 4L),
                Map.entry("VD-VisRAG", 6L),
                Map.entry("VD-OOD", 4L)));
  }

  @Test
  void mainMetricFollowsTheModalityAsInTheReference() {
    for (TaskSpec t : registry.benchmark("mmeb-v2")) {
      String expected = t.modality() == Modality.VISDOC ? "ndcg_linear@5" : "hit@1";
      assertThat(t.mainMetric()).as(t.name()).hasToString(expected);
    }
  }

  @Test
  void evalTypeIsGlobalForVisdocAndVideoClsRetExceptSsv2() {
    for (TaskSpec t : registry.benchmark("mmeb-v2")) {
      boolean global =
          t.modality() == Modality.VISDOC
              || (t.metaTask() == MetaTask.V_CLS && !t.name().equals("SmthSmthV2"))
              || t.metaTask() == MetaTask.V_RET;
      assertThat(t.evalType()).as(t.name()).isEqualTo(global ? EvalType.GLOBAL : EvalType.LOCAL);
    }
  }

  @Test
  void namesAreUniqueWithinABenchmark() {
    for (String benchmark : List.of("mmeb-v1", "mmeb-v2")) {
      List<String> names = registry.benchmark(benchmark).stream().map(TaskSpec::name).toList();
      assertThat(names).doesNotHaveDuplicates();
    }
  }

  @Test
  void everyTaskFileIsNamedForItsTask() {
    for (TaskRegistry.LoadedTask t : registry.all()) {
      assertThat(t.file().getFileName().toString()).isEqualTo(t.spec().name() + ".json");
      assertThat(t.file().getParent().getFileName().toString()).isEqualTo(t.spec().benchmark());
    }
  }

  @Test
  void unknownFieldsAreRejectedNamingTheFile(@TempDir Path dir) throws Exception {
    Path original = Path.of("tasks/mmeb-v1/ImageNet-1K.json");
    String json = Files.readString(original).replaceFirst("\\{", "{\n  \"colour\": \"blue\",");
    Path file = dir.resolve("Mine.json");
    Files.writeString(file, json);
    assertThatThrownBy(() -> TaskRegistry.load(dir.resolve("none"), List.of(file)))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("Mine.json")
        .hasMessageContaining("colour");
  }

  /** Every task file of the registry loads, with its protocol fields typed and checked. */
  @Test
  void everyTaskFileLoads() throws Exception {
    try (var files = Files.walk(Path.of("tasks"))) {
      List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
      assertThat(registry.all()).hasSize(json.size());
      for (Path file : json) {
        TaskSpec spec = TaskRegistry.readTaskFile(file);
        assertThat(spec.mainMetric()).as(file.toString()).isNotNull();
        assertThat(spec.metaTask()).as(file.toString()).isNotNull();
      }
    }
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource({
    "main_metric, hit@1, hit@2, unknown metric 'hit@2'",
    "meta_task, CLS, CLASSIFY, CLASSIFY",
    "split, IND, MIDDLE, MIDDLE",
    "parser, image_cls, image_clz, image_clz",
  })
  void aBadProtocolFieldFailsWhenTheRegistryLoads(
      String field, String good, String bad, String found, @TempDir Path dir) throws Exception {
    String json =
        Files.readString(Path.of("tasks/mmeb-v1/ImageNet-1K.json"))
            .replace("\"" + field + "\": \"" + good + "\"", "\"" + field + "\": \"" + bad + "\"");
    assertThat(json).contains(bad);
    Path file = dir.resolve("Bad.json");
    Files.writeString(file, json);
    assertThatThrownBy(() -> TaskRegistry.load(dir.resolve("none"), List.of(file)))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(file + ": not a valid task file: field '" + field + "'")
        .hasMessageContaining(found)
        .hasMessageNotContaining("\n");
  }

  @Test
  void aUserTaskFileJoinsTheRegistry(@TempDir Path dir) throws Exception {
    String json =
        Files.readString(Path.of("tasks/mmeb-v1/ImageNet-1K.json"))
            .replace("\"ImageNet-1K\"", "\"MyImageNet\"")
            .replace("\"mmeb-v1\"", "\"my-bench\"");
    Path file = dir.resolve("MyImageNet.json");
    Files.writeString(file, json);
    TaskRegistry withMine = TaskRegistry.load(Path.of("tasks"), List.of(file));
    assertThat(withMine.find("my-bench", "MyImageNet")).isPresent();
    assertThat(withMine.all()).hasSize(registry.all().size() + 1);
  }
}
