package org.mmeb.eval.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CLI invocation (as {@link CliRun}) that most CLI tests make: a {@code run} or {@code score} of
 * the mini benchmark on the CPU, results and embedding cache in the test's work folder, or the
 * leaderboard of those results. A test sets only what it is about ({@link #set}, {@link #plus}) and
 * runs it in-process ({@link #run}) or hands {@link #argv} to a child JVM ({@link ChildCli}).
 */
final class MiniRun {
  private final String command;
  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> extra = new ArrayList<>();

  private MiniRun(String command) {
    this.command = command;
  }

  /** {@code run --model MODEL --benchmark mmeb-mini --data DATA --device cpu} into {@code work}. */
  static MiniRun of(Object model, Path data, Path work) {
    return withoutModel(data, work).set("--model", model);
  }

  /** As {@link #of}, the encoder given by the test ({@code --server}, say) in {@link #plus}. */
  static MiniRun withoutModel(Path data, Path work) {
    return new MiniRun("run")
        .set("--benchmark", "mmeb-mini")
        .set("--data", data)
        .set("--device", "cpu")
        .set("--out", work.resolve("results"))
        .set("--cache-dir", work.resolve("cache"));
  }

  /** {@code score --embeddings SUBMISSION --benchmark mmeb-mini --data DATA} into {@code work}. */
  static MiniRun score(Path submission, Path data, Path work) {
    return new MiniRun("score")
        .set("--embeddings", submission)
        .set("--benchmark", "mmeb-mini")
        .set("--data", data)
        .set("--out", work.resolve("results"));
  }

  /** {@code leaderboard} of the results in {@code work}, without the published scores. */
  static MiniRun leaderboard(Path work) {
    return new MiniRun("leaderboard")
        .set("--results", work.resolve("results"))
        .set("--out", work.resolve("board"))
        .plus("--no-reference");
  }

  /** Sets an option, replacing its earlier value (picocli refuses an option given twice). */
  MiniRun set(String option, Object value) {
    options.put(option, value.toString());
    return this;
  }

  MiniRun tasks(String tasks) {
    return set("--tasks", tasks);
  }

  /** Arguments added as they are, after the options. */
  MiniRun plus(String... args) {
    extra.addAll(List.of(args));
    return this;
  }

  String[] argv() {
    List<String> argv = new ArrayList<>(List.of(command));
    options.forEach(
        (option, value) -> {
          argv.add(option);
          argv.add(value);
        });
    argv.addAll(extra);
    return argv.toArray(String[]::new);
  }

  CliRun run() {
    return CliRun.of(argv());
  }
}
