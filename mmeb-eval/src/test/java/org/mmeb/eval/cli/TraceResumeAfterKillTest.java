package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.reason.LoopbackReasoner;
import org.mmeb.eval.result.Reasoning;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunRecordFile;

/**
 * kill -9 while the reasoner is writing traces, then run again: every trace that reached the cache
 * is reused, and the reasoner is asked only for the rest.
 */
class TraceResumeAfterKillTest {
  private static final int ANSWERED_BEFORE_KILL = 30;
  @TempDir Path work;

  private String[] args(LoopbackReasoner reasoner) {
    return MiniRun.of(RunCommandTest.MODEL, work.resolve("data"), work)
        .tasks("MiniShapes")
        .set("--reasoner", reasoner.url())
        .set("--reasoner-model", "double")
        .set("--reasoner-concurrency", 3)
        .argv();
  }

  @Test
  void aKilledRunAsksTheReasonerOnlyForTracesItHadNotCached() throws Exception {
    SyntheticBenchmark.write(work.resolve("data"), 0);
    try (LoopbackReasoner reasoner = new LoopbackReasoner()) {
      reasoner.holdAfter(ANSWERED_BEFORE_KILL);
      Process process = ChildCli.start(work.resolve("log"), args(reasoner));
      waitForCachedTraces(process, ANSWERED_BEFORE_KILL);
      process.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flushing
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(cachedTraces()).isEqualTo(ANSWERED_BEFORE_KILL);

      reasoner.holdAfter(Integer.MAX_VALUE);
      reasoner.release();
      CliRun resumed = CliRun.of(args(reasoner));
      assertThat(resumed.exitCode()).as(resumed.err()).isZero();

      Reasoning.TaskTraces shapes =
          RunRecordFile.read(
                  ResultsLayout.runFile(work.resolve("results"), "tiny-dual + double", "mmeb-mini"))
              .reasoning()
              .tasks()
              .get("MiniShapes");
      assertThat(shapes.withTrace()).isEqualTo(shapes.queries());
      int distinctQueries = cachedTraces();
      assertThat(shapes.requested()).isEqualTo(distinctQueries - ANSWERED_BEFORE_KILL);
    }
  }

  private void waitForCachedTraces(Process process, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (cachedTraces() >= count) {
        return;
      }
      assertThat(process.isAlive()).as(Files.readString(work.resolve("log"))).isTrue();
      Thread.sleep(20);
    }
    throw new AssertionError("no traces cached in 120 s: " + Files.readString(work.resolve("log")));
  }

  /** Complete lines in the task's trace cache file. */
  private int cachedTraces() throws Exception {
    Path file = work.resolve("cache/traces/mmeb-mini/MiniShapes.jsonl");
    if (!Files.exists(file)) {
      return 0;
    }
    String text = Files.readString(file);
    return (int) text.chars().filter(c -> c == '\n').count();
  }
}
