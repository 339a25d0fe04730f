package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.download.LoopbackHubAccess;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/**
 * {@code data download --benchmark mmeb-v2} fetches every one of the 78 tasks from a loopback hub
 * laid out as the real one is (as far as it could be established offline: README "What could not be
 * confirmed offline"): image tables under MMEB_Test_Instruct, BEIR parts, video tables as JSONL
 * under data/, Parquet under a config folder, one JSON per MVBench config, YouCook2's val split
 * beside its test split, regular files answering 307 to /api/resolve-cache, frame archives in
 * parts.
 */
class DataDownloadWholeBenchmarkTest {
  private static final String HOME = "TIGER-Lab/MMEB-V2";
  @TempDir Path dir;
  private final LoopbackHubAccess hub = new LoopbackHubAccess();

  DataDownloadWholeBenchmarkTest() throws IOException {}

  @AfterEach
  void stop() {
    hub.close();
  }

  private void serve(TaskSpec spec) {
    TaskSpec.DataSource source = spec.source();
    String repo = source.repo();
    byte[] table = ("table of " + spec.name()).getBytes(StandardCharsets.UTF_8);
    String pattern = source.filePattern();
    if (pattern != null) {
      for (String part : List.of("queries", "corpus", "qrels")) {
        String path = pattern.replace("{queries,corpus,qrels}", part);
        hub.putBytes(repo, path.replace("*", "test-00000-of-00001"), table);
      }
    } else if (source.configs().size() > 1) {
      source.configs().forEach(c -> hub.putText(repo, "json/" + c + ".json", "[]"));
    } else if (source.configs().size() == 1) {
      String config = source.configs().get(0);
      hub.putBytes(repo, config + "/" + source.split() + "-00000-of-00001.parquet", table);
      hub.putBytes(repo, config + "/train-00000-of-00001.parquet", table);
    } else if (source.split().equals("val")) {
      hub.putBytes(repo, "data/val-00000-of-00001.parquet", table);
      hub.putBytes(repo, "data/test-00000-of-00001.parquet", table);
    } else {
      hub.putText(repo, "data/" + source.split() + ".jsonl", "{}\n");
    }
    hub.putText(repo, "README.md", "# " + repo + "\n");
  }

  @Test
  void everyTaskIsFetched() throws IOException {
    List<TaskSpec> tasks = TaskRegistry.load(Path.of("tasks"), List.of()).benchmark("mmeb-v2");
    assertThat(tasks).hasSize(78);
    tasks.forEach(this::serve);
    hub.putBytes(HOME, "image-tasks/mmeb_v1.tar.gz", new byte[] {1});
    for (String group : List.of("video_cls", "video_ret", "video_mret")) {
      hub.putBytes(HOME, "video-tasks/frames/" + group + ".tar.gz", new byte[] {2});
    }
    for (int part = 0; part < 5; part++) {
      hub.putBytes(HOME, "video-tasks/frames/video_qa.tar.gz-0" + part, new byte[] {3});
    }
    hub.redirectRegularFiles();
    var result =
        CliRun.of(
            "data",
            "download",
            "--benchmark",
            "mmeb-v2",
            "--to",
            dir.toString(),
            "--endpoint",
            hub.endpoint(),
            "--retry-delay-ms",
            "1");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("of 78 tasks").contains("all checksums verified");
    assertThat(dir.resolve("lmms-lab/YouCook2/data/val-00000-of-00001.parquet")).isRegularFile();
    assertThat(dir.resolve("lmms-lab/YouCook2/data/test-00000-of-00001.parquet")).doesNotExist();
    assertThat(dir.resolve("VLM2Vec/NExTQA/MC/train-00000-of-00001.parquet")).doesNotExist();
    assertThat(dir.resolve("video-tasks/frames/video_qa.tar.gz-04")).isRegularFile();
    assertThat(dir.resolve("image-tasks/mmeb_v1.tar.gz")).isRegularFile();
  }
}
