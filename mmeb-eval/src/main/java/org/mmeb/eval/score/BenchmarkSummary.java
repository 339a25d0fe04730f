package org.mmeb.eval.score;

import java.util.List;
import java.util.Optional;

/**
 * A benchmark's aggregate scores: overall (mean over datasets, never a mean of group means), then
 * modalities (when the benchmark has several), meta-tasks and splits, each in first-seen task
 * order.
 */
public record BenchmarkSummary(
    String benchmark,
    GroupScore overall,
    List<GroupScore> modalities,
    List<GroupScore> metaTasks,
    List<GroupScore> splits) {
  public BenchmarkSummary {
    modalities = List.copyOf(modalities);
    metaTasks = List.copyOf(metaTasks);
    splits = List.copyOf(splits);
  }

  public boolean partial() {
    return overall.partial();
  }

  /** Every group, overall first. */
  public List<GroupScore> groups() {
    return java.util.stream.Stream.of(List.of(overall), modalities, metaTasks, splits)
        .flatMap(List::stream)
        .toList();
  }

  public Optional<GroupScore> group(String name) {
    return groups().stream().filter(g -> g.group().equals(name)).findFirst();
  }
}
