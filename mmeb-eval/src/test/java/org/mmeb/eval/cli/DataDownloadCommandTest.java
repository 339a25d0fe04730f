package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.data.TaskReaders;
import org.mmeb.eval.data.download.LoopbackHubAccess;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/**
 * Downloads from a hub on loopback that serves mmeb-mini files under real MMEB paths, then reads
 * them.
 */
class DataDownloadCommandTest {
  @TempDir static Path shared;
  static Path mini;

  @TempDir Path dir;
  private final LoopbackHubAccess hub = new LoopbackHubAccess();

  DataDownloadCommandTest() throws IOException {}

  @BeforeAll
  static void synth() throws IOException {
    mini = shared.resolve("mini");
    SyntheticBenchmark.write(mini, 2);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private static TaskSpec task(String benchmark, String name) {
    return TaskRegistry.load(Path.of("tasks"), List.of())
        .find(benchmark, name)
        .orElseThrow()
        .spec();
  }

  @Test
  void mmebV1FilesLandWhereTheReaderLooks() throws IOException {
    hub.put(
        "TIGER-Lab/MMEB-eval",
        "N24News/test-00000-of-00001.parquet",
        mini.resolve("MiniShapes/test-00000-of-00001.parquet"));
    hub.put("TIGER-Lab/MMEB-eval", "images.zip", mini.resolve("images.zip"));
    Path to = dir.resolve("mmeb-v1");
    var result =
        CliRun.of(
            "data",
            "download",
            "--benchmark",
            "mmeb-v1",
            "--to",
            to.toString(),
            "--endpoint",
            hub.endpoint(),
            "--tasks",
            "N24News",
            "--retry-delay-ms",
            "1");
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out())
        .contains("[1/2] TIGER-Lab/MMEB-eval/N24News/test-00000-of-00001.parquet@main")
        .contains("sha256")
        .contains("all checksums verified");
    TaskData data = TaskReaders.read(task("mmeb-v1", "N24News"), to);
    assertThat(data.rows()).hasSize(120);
    assertThat(data.images().contains(data.rows().get(0).query().images().get(0))).isTrue();
    var again =
        CliRun.of(
            "data",
            "download",
            "--benchmark",
            "mmeb-v1",
            "--to",
            to.toString(),
            "--endpoint",
            hub.endpoint(),
            "--tasks",
            "N24News");
    assertThat(again.out()).contains("up to date");
  }

  @Test
  void aVisdocPatternIsExpandedWithTheTreeListingIntoTheRepoFolder() throws IOException {
    String repo = "vidore/arxivqa_test_subsampled_beir";
    for (String part : List.of("queries", "corpus", "qrels")) {
      hub.put(
          repo,
          part + "/test-00000-of-00001.parquet",
          mini.resolve("MiniDocs/" + part + "/test-00000-of-00001.parquet"));
    }
    hub.putText(repo, "README.md", "# arxivqa\n");
    Path to = dir.resolve("mmeb-v2");
    var result =
        CliRun.of(
            "data",
            "download",
            "--benchmark",
            "mmeb-v2",
            "--to",
            to.toString(),
            "--endpoint",
            hub.endpoint(),
            "--tasks",
            "ViDoRe_arxivqa",
            "--retry-delay-ms",
            "1");
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).contains("3 files of 1 tasks").doesNotContain("README");
    assertThat(to.resolve(repo).resolve("corpus/test-00000-of-00001.parquet")).isRegularFile();
    TaskData data = TaskReaders.read(task("mmeb-v2", "ViDoRe_arxivqa"), to);
    assertThat(data.rows()).hasSize(100);
    assertThat(data.globalCandidates()).hasSize(40);
  }

  @Test
  void aFileTheHubDoesNotHaveIsABadInputExit() {
    var result =
        CliRun.of(
            "data",
            "download",
            "--benchmark",
            "mmeb-v1",
            "--to",
            dir.toString(),
            "--endpoint",
            hub.endpoint(),
            "--tasks",
            "N24News",
            "--retry-delay-ms",
            "1");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "error: TIGER-Lab/MMEB-eval/N24News/test-00000-of-00001.parquet@main: not found on the hub (HTTP 404)");
    assertThat(Files.exists(dir.resolve("N24News/test-00000-of-00001.parquet"))).isFalse();
  }
}
