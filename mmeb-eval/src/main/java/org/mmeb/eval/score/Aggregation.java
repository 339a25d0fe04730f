package org.mmeb.eval.score;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.mmeb.eval.task.TaskSpec;

/**
 * Aggregates main scores as the papers do: every group score is the plain mean of {@code 100 * x}
 * over the group's datasets, unrounded. The sum is exact (then rounded once to a double, as
 * Python's {@code math.fsum}), so the mean does not depend on the order of the tasks: summing the
 * doubles one by one in file-name order turns one Table 5 cell (ColPali I-RET, 48.1) into 48.0,
 * while the exact sum reproduces all 64 aggregate cells. V1: meta-tasks (CLS, VQA, RET, GD),
 * IND/OOD and overall over all 36. V2: modalities (image 36, video 18, visdoc 24), meta-tasks and
 * overall over all 78 (the V2 image tasks keep their V1 split in the registry, but the V2 paper
 * reports no IND/OOD, so splits are only reported when every task has one). Missing datasets make a
 * group partial (present/expected), never silently full.
 */
public final class Aggregation {
  private Aggregation() {}

  /**
   * @param expected the benchmark's tasks (all of them, for present/expected counts)
   * @param mainScores task name → main score as a fraction; only tasks in {@code expected} (callers
   *     check scores read from files with {@link #unknownTask})
   */
  public static BenchmarkSummary summarize(
      String benchmark, List<TaskSpec> expected, Map<String, Double> mainScores) {
    unknownTask(expected, mainScores)
        .ifPresent(
            name -> {
              throw new IllegalArgumentException(
                  "a score for '" + name + "', which is not a task of " + benchmark);
            });
    GroupScore overall = mean(GroupScore.OVERALL, "overall", expected, mainScores);
    boolean severalModalities = expected.stream().map(TaskSpec::modality).distinct().count() > 1;
    return new BenchmarkSummary(
        benchmark,
        overall,
        severalModalities
            ? groups(GroupScore.MODALITY, expected, t -> t.modality().label(), mainScores)
            : List.of(),
        groups(GroupScore.META_TASK, expected, t -> t.metaTask().label(), mainScores),
        expected.stream().allMatch(t -> t.split() != null)
            ? groups(GroupScore.SPLIT, expected, TaskSpec::splitLabel, mainScores)
            : List.of());
  }

  /** The first task with a score that is not one of {@code expected}, if any. */
  public static Optional<String> unknownTask(
      List<TaskSpec> expected, Map<String, Double> mainScores) {
    return mainScores.keySet().stream()
        .filter(name -> expected.stream().noneMatch(t -> t.name().equals(name)))
        .findFirst();
  }

  private static List<GroupScore> groups(
      String kind,
      List<TaskSpec> tasks,
      Function<TaskSpec, String> groupOf,
      Map<String, Double> mainScores) {
    Map<String, List<TaskSpec>> byGroup = new LinkedHashMap<>();
    for (TaskSpec t : tasks) {
      String group = groupOf.apply(t);
      if (group != null) {
        byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(t);
      }
    }
    List<GroupScore> scores = new ArrayList<>();
    byGroup.forEach((group, members) -> scores.add(mean(kind, group, members, mainScores)));
    return scores;
  }

  private static GroupScore mean(
      String kind, String group, List<TaskSpec> members, Map<String, Double> mainScores) {
    BigDecimal sum = BigDecimal.ZERO;
    int present = 0;
    for (TaskSpec t : members) {
      Double x = mainScores.get(t.name());
      if (x != null) {
        sum = sum.add(new BigDecimal(100 * x));
        present++;
      }
    }
    return new GroupScore(kind, group, present, members.size(), sum.doubleValue() / present);
  }
}
