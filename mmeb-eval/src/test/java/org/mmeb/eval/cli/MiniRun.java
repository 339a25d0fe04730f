package org.mmeb.eval.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code run} most CLI tests make: the mini benchmark on the CPU, results and embedding cache
 * in the test's work folder. A test sets only what it is about ({@link #set}, {@link #plus}) and
 * runs it in-process ({@link #run}) or hands {@link #argv} to a child JVM ({@link ChildCli}).
 */
final class MiniRun {
  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> extra = new ArrayList<>();

  private MiniRun() {}

  /** {@code run --model MODEL --benchmark mmeb-mini --data DATA --device cpu} into {@code work}. */
  static MiniRun of(Object model, Path data, Path work) {
    return withoutModel(data, work).set("--model", model);
  }

  /** As {@link #of}, the encoder given by the test ({@code --server}, say) in {@link #plus}. */
  static MiniRun withoutModel(Path data, Path work) {
    return new MiniRun()
        .set("--benchmark", "mmeb-mini")
        .set("--data", data)
        .set("--device", "cpu")
        .set("--out", work.resolve("results"))
        .set("--cache-dir", work.resolve("cache"));
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
    List<String> argv = new ArrayList<>(List.of("run"));
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
