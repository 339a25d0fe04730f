package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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

  /** {@code data download} of {@code tasks} from the loopback hub into {@code to}. */
  private CliRun download(String benchmark, Path to, String tasks, String... options) {
    String[] base = {
      "data",
      "download",
      "--benchmark",
      benchmark,
      "--to",
      to.toString(),
      "--endpoint",
      hub.endpoint(),
      "--tasks",
      tasks
    };
    return CliRun.of(Stream.concat(Stream.of(base), Stream.of(options)).toArray(String[]::new));
  }

  @Test
  void mmebV1FilesLandWhereTheReaderLooks() throws IOException {
    hub.put(
        "TIGER-Lab/MMEB-eval",
        "N24News/test-00000-of-00001.parquet",
        mini.resolve("MiniShapes/test-00000-of-00001.parquet"));
    hub.put("TIGER-Lab/MMEB-eval", "images.zip", mini.resolve("images.zip"));
    Path to = dir.resolve("mmeb-v1");
    var result = download("mmeb-v1", to, "N24News", "--retry-delay-ms", "1");
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out())
        .contains("[1/2] TIGER-Lab/MMEB-eval/N24News/test-00000-of-00001.parquet@main")
        .contains("sha256")
        .contains("all checksums verified");
    TaskData data = TaskReaders.read(task("mmeb-v1", "N24News"), to);
    assertThat(data.rows()).hasSize(120);
    assertThat(data.images().contains(data.rows().get(0).query().images().get(0))).isTrue();
    var again = download("mmeb-v1", to, "N24News");
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
    var result = download("mmeb-v2", to, "ViDoRe_arxivqa", "--retry-delay-ms", "1");
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).contains("3 files of 1 tasks").doesNotContain("README");
    assertThat(to.resolve(repo).resolve("corpus/test-00000-of-00001.parquet")).isRegularFile();
    TaskData data = TaskReaders.read(task("mmeb-v2", "ViDoRe_arxivqa"), to);
    assertThat(data.rows()).hasSize(100);
    assertThat(data.globalCandidates()).hasSize(40);
  }

  @Test
  void aFileTheHubDoesNotHaveIsABadInputExit() {
    var result = download("mmeb-v1", dir, "N24News", "--retry-delay-ms", "1");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "error: TIGER-Lab/MMEB-eval/N24News/test-00000-of-00001.parquet@main: not found on the hub (HTTP 404)");
    assertThat(Files.exists(dir.resolve("N24News/test-00000-of-00001.parquet"))).isFalse();
  }

  @Test
  void aHubThatKeepsServingBadBytesIsExit4NotBadInput() throws IOException {
    hub.put(
        "TIGER-Lab/MMEB-eval",
        "N24News/test-00000-of-00001.parquet",
        mini.resolve("MiniShapes/test-00000-of-00001.parquet"));
    hub.put("TIGER-Lab/MMEB-eval", "images.zip", mini.resolve("images.zip"));
    hub.corrupt("TIGER-Lab/MMEB-eval", "images.zip", 10);
    var result = download("mmeb-v1", dir, "N24News", "--retries", "2", "--retry-delay-ms", "1");
    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(4);
    assertThat(result.err())
        .contains("error: TIGER-Lab/MMEB-eval/images.zip@main: failed after 2 attempts: checksum")
        .contains("1 of 1 tasks failed (see the errors above): N24News");
  }

  @Test
  void mmebV2VideoTasksAsTheHubServesThemAndAFailingTaskDoesNotStopTheRest() throws IOException {
    String home = "TIGER-Lab/MMEB-V2";
    hub.putBytes(home, "video-tasks/frames/video_cls.tar.gz", new byte[] {1, 2, 3});
    for (int part = 0; part < 5; part++) {
      hub.putBytes(home, "video-tasks/frames/video_qa.tar.gz-0" + part, new byte[] {(byte) part});
    }
    hub.putBytes(home, "video-tasks/frames/video_ret.tar.gz", new byte[] {9});
    hub.redirectRegularFiles();
    hub.putText(
        "VLM2Vec/UCF101", "data/test.jsonl", "{\"video_id\": \"a\", \"pos_text\": \"Biking\"}\n");
    hub.putText("VLM2Vec/UCF101", "README.md", "# UCF101\n");
    List<String> configs = task("mmeb-v2", "MVBench").source().configs();
    for (String config : configs) {
      hub.putText("VLM2Vec/MVBench", "json/" + config + ".json", "[]");
    }
    hub.refuse("VLM2Vec/Breakfast", 401, "RepoNotFound", "Repository not found");
    hub.acceptRevision("v2");
    Path to = dir.resolve("mmeb-v2");
    var result =
        download(
            "mmeb-v2", to, "UCF101,Breakfast,MVBench", "--revision", "v2", "--retry-delay-ms", "1");
    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
    assertThat(result.err())
        .contains("no such dataset repo VLM2Vec/Breakfast (Repository not found)")
        .contains("1 of 3 tasks failed (see the errors above): Breakfast");
    assertThat(to.resolve("VLM2Vec/UCF101/data/test.jsonl")).isRegularFile();
    assertThat(to.resolve("VLM2Vec/UCF101/README.md")).doesNotExist();
    for (String config : configs) {
      assertThat(to.resolve("VLM2Vec/MVBench/json/" + config + ".json")).isRegularFile();
    }
    assertThat(to.resolve("video-tasks/frames/video_cls.tar.gz")).isRegularFile();
    for (int part = 0; part < 5; part++) {
      assertThat(to.resolve("video-tasks/frames/video_qa.tar.gz-0" + part)).isRegularFile();
    }
    assertThat(to.resolve("video-tasks/frames/video_ret.tar.gz")).doesNotExist();
    assertThat(result.out())
        .contains("cat video_qa.tar.gz-* | tar -xz")
        .contains("all checksums verified");
    // --revision names a revision of the benchmark's own repo only
    assertThat(hub.requestPaths())
        .anyMatch(p -> p.startsWith("/datasets/" + home + "/resolve/v2/"))
        .noneMatch(p -> p.startsWith("/datasets/VLM2Vec/") && p.contains("/resolve/v2/"));
  }
}
