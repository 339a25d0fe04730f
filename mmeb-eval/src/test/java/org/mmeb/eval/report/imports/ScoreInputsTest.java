package org.mmeb.eval.report.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.report.ScoreSource;
import org.mmeb.eval.report.compare.SyntheticRuns;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordFile;
import org.mmeb.eval.result.TiedHits;
import org.mmeb.eval.task.TaskRegistry;

class ScoreInputsTest {
  @TempDir Path results;

  /**
   * Regression: compare and check read a run's file up to three times (scores, reasoning, tie
   * flags), so a run rewritten between the reads gave scores of one version beside flags of
   * another. Here the "file" changes on every read after the first.
   */
  @Test
  void aRunIsReadOnceForItsScoresReasoningAndTieFlags() throws Exception {
    Path first = SyntheticRuns.write(results, "first", Map.of(), 1);
    Path rewritten = SyntheticRuns.write(results, "rewritten", Map.of("OK-VQA", 40.0), 2);
    List<Path> reads = new ArrayList<>();
    ScoreInput input =
        ScoreInputs.input(
            first.getParent().toString(),
            TaskRegistry.load(Path.of("tasks"), List.of()),
            file -> {
              reads.add(file);
              return RunRecordFile.read(reads.size() == 1 ? file : rewritten);
            });
    RunRecord firstRecord = RunRecordFile.read(first);
    assertThat(reads).containsExactly(first);
    assertThat(input.scores())
        .usingRecursiveComparison()
        .isEqualTo(ScoreInputs.fromRun(first, firstRecord));
    assertThat(input.reasoning()).isEqualTo(firstRecord.reasoning());
    assertThat(input.tieFlags()).isEqualTo(TiedHits.flags(firstRecord));
  }

  /**
   * A leaderboard of many runs used to hold every run's per-query outcomes, which it never uses.
   */
  @Test
  void runsForALeaderboardKeepNoPerQueryOutcomesWhileARunReadForPairingDoes() throws Exception {
    Path first = SyntheticRuns.write(results, "first", Map.of(), 1);
    SyntheticRuns.write(results, "second", Map.of(), 2);
    List<ScoreSource> runs = ScoreInputs.runsUnder(results);
    ScoreSource paired =
        ScoreInputs.read(first.toString(), TaskRegistry.load(Path.of("tasks"), List.of()));
    assertThat(runs).extracting(ScoreSource::name).containsExactly("first", "second");
    assertThat(runs).allSatisfy(run -> assertThat(run.outcomes()).isEmpty());
    assertThat(runs.get(0).mainScores()).isEqualTo(paired.mainScores()).hasSize(3);
    assertThat(paired.outcomes()).hasSize(3);
  }
}
