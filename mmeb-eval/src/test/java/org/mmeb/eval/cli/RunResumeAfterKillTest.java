package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.pipeline.EmbeddingCache;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordFile;

/**
 * kill -9 in the middle of `mmeb-eval run`, then run again: the second run encodes exactly the
 * items the first did not finish, and nothing twice.
 */
class RunResumeAfterKillTest {
  @TempDir Path work;

  private String[] args() {
    return MiniRun.of(RunCommandTest.MODEL, work.resolve("data"), work)
        .set("--batch-size", 2)
        .set("--workers", 1)
        .argv();
  }

  @Test
  void aKilledRunResumesWithoutReencodingFinishedItems() throws Exception {
    SyntheticBenchmark.write(work.resolve("data"), 3);
    Process process = ChildCli.start(work.resolve("log"), args());
    waitForSomeCachedEmbeddings(process);
    process.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flushing
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int cachedBeforeKill = cachedEmbeddings();
    assertThat(cachedBeforeKill).isPositive();

    CliRun resumed = CliRun.of(args());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();

    RunRecord record =
        RunRecordFile.read(
            ResultsLayout.runFile(work.resolve("results"), "tiny-dual", "mmeb-mini"));
    assertThat(record.summary().partial()).isFalse();
    assertThat(cachedBeforeKill).as("killed mid-way").isLessThan(record.counts().uniqueItems());
    assertThat(record.counts().cacheHits()).isEqualTo(cachedBeforeKill);
    assertThat(record.counts().encoded())
        .isEqualTo(record.counts().uniqueItems() - cachedBeforeKill);
    assertThat(cachedEmbeddings()).isEqualTo(record.counts().uniqueItems());
  }

  private void waitForSomeCachedEmbeddings(Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (cachedEmbeddings() >= 50) {
        return;
      }
      assertThat(process.isAlive()).as(Files.readString(work.resolve("log"))).isTrue();
      Thread.sleep(20);
    }
    throw new AssertionError(
        "the run cached nothing in 120 s: " + Files.readString(work.resolve("log")));
  }

  private int cachedEmbeddings() throws Exception {
    Path cache = work.resolve("cache");
    if (!Files.exists(cache)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(cache)) {
      int total = 0;
      for (Path file : files.filter(p -> p.toString().endsWith(".emb")).toList()) {
        total += EmbeddingCache.countRecords(file);
      }
      return total;
    }
  }
}
