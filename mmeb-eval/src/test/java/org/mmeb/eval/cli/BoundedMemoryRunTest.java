package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.data.TaskReaders;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/**
 * A real {@code run} in a child JVM whose heap and direct memory are a fraction of what the task's
 * prepared batches add up to: it finishes only if each batch's pixel buffers are released once the
 * model has consumed them (they used to stay referenced until the task ended).
 */
class BoundedMemoryRunTest {
  private static final int SIDE = 160;
  private static final long DIRECT_LIMIT = 8L << 20;

  @TempDir Path dir;

  @Test
  void aTaskWhosePreparedBatchesAreFifteenTimesTheDirectMemoryLimitRuns() throws Exception {
    Path data = dir.resolve("data");
    SyntheticBenchmark.write(data, 3);
    Path spec = AnySizeModel.write(dir.resolve("model"), SIDE);
    long preparedBytes = uniqueImages(data) * 3L * SIDE * SIDE * Float.BYTES;
    assertThat(preparedBytes).isGreaterThan(12 * DIRECT_LIMIT);

    String[] run =
        MiniRun.of(spec, data, dir)
            .tasks("MiniGrounding")
            .set("--workers", 1)
            .set("--batch-size", 2)
            .argv();
    Path log = dir.resolve("child.log");
    Process child =
        ChildCli.start(
            log,
            List.of(
                "-Xmx128m",
                "-XX:MaxDirectMemorySize=" + DIRECT_LIMIT,
                "--add-modules",
                "jdk.incubator.vector"),
            run);
    assertThat(child.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("MiniGrounding");
  }

  private static long uniqueImages(Path data) throws Exception {
    TaskSpec grounding =
        TaskRegistry.load(Installation.resolve("tasks"), List.of()).benchmark("mmeb-mini").stream()
            .filter(t -> t.name().equals("MiniGrounding"))
            .findFirst()
            .orElseThrow();
    TaskData task = TaskReaders.read(grounding, data);
    Set<String> images = new HashSet<>();
    for (QueryRow row : task.rows()) {
      images.addAll(row.query().images());
      for (Item candidate : row.candidates()) {
        images.addAll(candidate.images());
      }
    }
    task.images().close();
    return images.size();
  }
}
