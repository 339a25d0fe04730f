package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.report.compare.SyntheticRuns;

class LeaderboardCommandTest {
  @TempDir Path dir;

  @Test
  void runsImportsAndReferenceLandInEveryFormat() throws Exception {
    Path results = dir.resolve("results");
    SyntheticRuns.write(results, "my-model <b>", Map.of(), 1);
    Path out = dir.resolve("board");
    CliRun r =
        CliRun.of(
            "leaderboard",
            "--results",
            results.toString(),
            "--import",
            "leaderboard/reference/vlm2vec-v2.0.0/colpali-v1.3.json",
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "| CLIP | VLM2Vec paper (arXiv 2410.05160), Table 6 | 36/36 | 42.8 | 9.1 | 53.0 | 51.8 | 37.1 | 38.7 | 37.8 |")
        .contains("| my-model &lt;b&gt; | run " + results)
        .contains(
            "| colpali-v1.3 | imported leaderboard/reference/vlm2vec-v2.0.0/colpali-v1.3.json | 78/78 |")
        .contains("wrote " + out.resolve("leaderboard.html"));
    for (String file :
        new String[] {
          "leaderboard.md", "leaderboard.csv", "leaderboard.json", "leaderboard.html"
        }) {
      assertThat(out.resolve(file)).isNotEmptyFile();
    }
    String html = Files.readString(out.resolve("leaderboard.html"));
    assertThat(html).contains("my-model &lt;b&gt;").doesNotContain("my-model <b>");
    assertThat(Files.readString(out.resolve("leaderboard.csv")))
        .contains("mmeb-v1,my-model <b>,run ");
  }

  @Test
  void nothingToShowIsBadInput() {
    CliRun r =
        CliRun.of(
            "leaderboard",
            "--results",
            dir.resolve("none").toString(),
            "--no-reference",
            "--out",
            dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("nothing to show");
  }
}
