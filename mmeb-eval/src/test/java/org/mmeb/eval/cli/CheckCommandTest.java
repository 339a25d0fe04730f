package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.report.compare.SyntheticRuns;

/**
 * The gate on runs scored by the real scorer: a run made worse on purpose (OK-VQA's queries much
 * noisier) fails it, with a JUnit failure for OK-VQA only; a run that differs by chance (other
 * noise, same level) and the baseline itself pass.
 */
class CheckCommandTest {
  @TempDir static Path results;
  private static Path baseline;
  private static Path worse;
  private static Path rerun;

  @BeforeAll
  static void runs() throws Exception {
    baseline = SyntheticRuns.write(results, "base", Map.of(), 1);
    worse = SyntheticRuns.write(results, "worse", Map.of("OK-VQA", 4.0), 1);
    rerun = SyntheticRuns.write(results, "rerun", Map.of(), 2);
  }

  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void aRunMadeWorseOnPurposeFailsTheGate() throws Exception {
    Path junit = results.resolve("check.xml");
    CliRun r =
        run(
            "check",
            "--baseline",
            baseline.toString(),
            "--candidate",
            worse.toString(),
            "--junit",
            junit.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .containsPattern("FAIL OK-VQA dropped \\d+\\.\\d\\d points")
        .contains("check failed: 2 of 4 scores dropped");
    String xml = Files.readString(junit);
    assertThat(xml).contains("tests=\"4\" failures=\"2\"");
    assertThat(xml).containsPattern("name=\"OK-VQA\" time=\"0\">\\s*<failure");
    assertThat(xml).containsPattern("name=\"ImageNet-1K\" time=\"0\">\\s*<system-out>");
  }

  @Test
  void theBaselineAgainstItselfPasses() {
    CliRun r = run("check", "--baseline", baseline.toString(), "--candidate", baseline.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("check passed: 4 scores within the thresholds");
  }

  @Test
  void aRunDifferentOnlyByChancePasses() {
    CliRun r = run("check", "--baseline", baseline.toString(), "--candidate", rerun.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  @Test
  void compareShowsThePairedTestAndTheTally() {
    CliRun r = run("compare", baseline.toString(), worse.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "mmeb-v1: base (baseline) vs worse (candidate); paired permutation test, 10000 rounds, seed 1")
        .containsPattern("OK-VQA +\\d+\\.\\d +\\d+\\.\\d +-\\d+\\.\\d +[0-9.e-]+ worse")
        .contains("wins 0, losses 1, no significant change 2, untested 0");
  }

  @Test
  void aMissingRunIsBadInput() {
    CliRun r =
        run(
            "check",
            "--baseline",
            results.resolve("nope").toString(),
            "--candidate",
            baseline.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains("nope");
  }
}
