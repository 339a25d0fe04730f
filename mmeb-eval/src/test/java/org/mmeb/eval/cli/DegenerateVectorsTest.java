package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.data.TaskReaders;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.result.DatasetResult;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordFile;
import org.mmeb.eval.result.submission.SubmissionWriter;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/**
 * Every vector constant scored 100.0 on every local task (the reference's rule: a tie with the
 * positive is a hit) and passed unnoticed. The rule stays for the score; the run counts the hits
 * ties decided, and `check` fails on them.
 */
class DegenerateVectorsTest {
  @TempDir Path work;

  private Path constantSubmission(Path data) throws Exception {
    Path dir = work.resolve("constant");
    SubmissionWriter writer = new SubmissionWriter(dir, "constant", 4, "cosine");
    for (TaskSpec spec : TaskRegistry.load(Path.of("tasks"), List.of()).benchmark("mmeb-mini")) {
      if (!spec.name().equals("MiniShapes")) {
        continue;
      }
      TaskData task = TaskReaders.read(spec, data);
      List<String> keys = new ArrayList<>();
      task.rows().forEach(r -> r.candidates().forEach(c -> keys.add(c.key())));
      List<String> unique = keys.stream().distinct().toList();
      writer.task(spec.name(), constant(task.rows().size()), unique, constant(unique.size()));
    }
    writer.finish();
    return dir;
  }

  private static float[][] constant(int n) {
    float[][] out = new float[n][4];
    for (float[] v : out) {
      Arrays.fill(v, 0.5f);
    }
    return out;
  }

  @Test
  void aSubmissionFileThatIsASymlinkToADeviceIsExit2NotAHang() throws Exception {
    Path data = work.resolve("data");
    SyntheticBenchmark.write(data, 2);
    Path submission = constantSubmission(data);
    Path queries = submission.resolve("MiniShapes/queries.npy");
    Files.delete(queries);
    Files.createSymbolicLink(queries, Path.of("/dev/zero"));
    CliRun scored = MiniRun.score(submission, data, work).tasks("MiniShapes").run();
    assertThat(scored.exitCode()).isEqualTo(2);
    assertThat(scored.err().strip())
        .isEqualTo("error: " + queries + ": not a regular file, cannot hash it");
    Files.delete(queries); // @TempDir cleanup must not follow it
  }

  @Test
  void constantVectorsKeepTheReferenceScoreButAreFlaggedAndFailCheck() throws Exception {
    Path data = work.resolve("data");
    SyntheticBenchmark.write(data, 2);
    CliRun scored = MiniRun.score(constantSubmission(data), data, work).tasks("MiniShapes").run();
    assertThat(scored.exitCode()).as(scored.err()).isZero();
    Path run = work.resolve("results/constant/mmeb-mini/run.json");
    RunRecord record = RunRecordFile.read(run);
    DatasetResult shapes = record.datasets().get(0);
    assertThat(shapes.mainScore()).as("the reference's tie rule").isEqualTo(1.0);
    assertThat(shapes.tiedAtTop()).isEqualTo(shapes.queries());
    assertThat(scored.out() + scored.err())
        .contains(
            "warning: MiniShapes: "
                + shapes.queries()
                + " of "
                + shapes.queries()
                + " hits had the positive tied at the top (100%, above 5%)");

    CliRun check = CliRun.of("check", "--baseline", run.toString(), "--candidate", run.toString());
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("FAIL ties: MiniShapes: ");

    CliRun board = MiniRun.leaderboard(work).run();
    assertThat(board.exitCode()).as(board.err()).isZero();
    assertThat(work.resolve("board/leaderboard.md"))
        .content()
        .contains("flagged: ties decided the hits of MiniShapes");
  }
}
