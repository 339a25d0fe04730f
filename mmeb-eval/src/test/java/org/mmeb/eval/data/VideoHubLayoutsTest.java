package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.synth.ParquetTableWriter;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/**
 * Registry video tasks read from the layouts the hub serves (JSON Lines under data/, one JSON file
 * per MVBench config, Parquet under a config folder, YouCook2's val split), with the reference's
 * candidate pools and row cut.
 */
class VideoHubLayoutsTest {
  @TempDir Path dir;

  private static TaskSpec task(String name) {
    return TaskRegistry.load(Path.of("tasks"), List.of())
        .find("mmeb-v2", name)
        .orElseThrow()
        .spec();
  }

  private void frames(String root, String video) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(root).resolve(video));
    Files.write(folder.resolve("0001.jpg"), new byte[] {1});
  }

  private Path write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void k700RanksEveryLabelOfTheReferenceListInItsOrder() throws IOException {
    frames("video-tasks/frames/video_cls/K700", "abc");
    write(
        "VLM2Vec/Kinetics-700/data/test.jsonl",
        "{\"video_id\": \"abc\", \"pos_text\": \"yoga\"}\n"
            + "{\"video_id\": \"abc\", \"pos_text\": \"archery\"}\n");
    write("VLM2Vec/Kinetics-700/README.md", "# K700\n");
    TaskData data = TaskReaders.read(task("K700"), dir);
    assertThat(data.rows()).hasSize(2);
    assertThat(data.globalCandidates()).hasSize(700);
    assertThat(data.globalCandidates().get(0).key()).isEqualTo("waiting_in_line");
    assertThat(data.rows().get(1).relevance()).containsOnlyKeys("archery");
    assertThat(data.rows().get(0).query().text())
        .isEqualTo("<|video_1|> Recognize the category of the video content.");
  }

  @Test
  void aLabelOutsideTheListIsAnError() throws IOException {
    frames("video-tasks/frames/video_cls/Breakfast", "v");
    write("VLM2Vec/Breakfast/data/test.jsonl", "{\"video_id\": \"v\", \"pos_text\": \"toast\"}\n");
    assertThatThrownBy(() -> TaskReaders.read(task("Breakfast"), dir))
        .isInstanceOf(UserError.class)
        .hasMessage("Breakfast row 0: label 'toast' is not among the task's 10 labels");
  }

  @Test
  void mvBenchReadsItsTwentyConfigsAndTagsEachRowWithItsSubset() throws IOException {
    List<String> configs = task("MVBench").source().configs();
    assertThat(configs)
        .hasSize(20)
        .startsWith("episodic_reasoning")
        .endsWith("counterfactual_inference");
    for (String config : configs) {
      frames("video-tasks/frames/video_qa/MVBench", config + "/v.mp4");
      write(
          "VLM2Vec/MVBench/json/" + config + ".json",
          "[{\"question\": \"q of "
              + config
              + "?\", \"video\": \"v.mp4\", \"candidates\": [\"yes\", \"no\"], \"answer\": \"no\"}]");
    }
    TaskData data = TaskReaders.read(task("MVBench"), dir);
    assertThat(data.rows()).hasSize(20);
    QueryRow first = data.rows().get(0);
    assertThat(first.query().images()).containsExactly("episodic_reasoning/v.mp4/0001.jpg");
    assertThat(first.query().text())
        .contains("q of episodic_reasoning?\nOptions:\n(A) yes\n(B) no");
    assertThat(first.relevance()).containsOnlyKeys("(B) no");
    assertThat(data.rows().get(19).query().images().get(0)).startsWith("counterfactual_inference/");
    assertThat(data.rows()).extracting(QueryRow::row).containsExactlyElementsOf(range(20));
  }

  @Test
  void aMissingMvBenchConfigIsNamed() throws IOException {
    write("VLM2Vec/MVBench/json/action_sequence.json", "[]");
    assertThatThrownBy(() -> TaskReaders.read(task("MVBench"), dir))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("MVBench: no table of config 'episodic_reasoning', split 'train'")
        .hasMessageContaining("json/action_sequence.json");
  }

  @Test
  void smthSmthV2IsCutToItsFirstThousandRows() throws IOException {
    frames("video-tasks/frames/video_cls/SSv2", "1");
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 1003; i++) {
      // rows past the cut name a video without frames: reading them would fail
      String video = i < 1000 ? "1" : "missing";
      jsonl.append(
          "{\"video_id\": \""
              + video
              + "\", \"pos_text\": \"Holding something\", \"neg_text\": [\"Holding something\","
              + " \"Folding something\"]}\n");
    }
    write("VLM2Vec/SmthSmthV2/data/test.jsonl", jsonl.toString());
    TaskSpec ssv2 = task("SmthSmthV2");
    assertThat(ssv2.source().numSamplePerSubset()).isEqualTo(1000);
    TaskData data = TaskReaders.read(ssv2, dir);
    assertThat(data.rows()).hasSize(1000);
    assertThat(data.rows().get(999).candidates()).hasSize(2);
  }

  @Test
  void nextQaReadsTheMcConfigsTestParquet() throws IOException {
    frames("video-tasks/frames/video_qa/NExTQA", "7");
    ParquetTableWriter writer =
        new ParquetTableWriter()
            .int64("video")
            .string("question")
            .int64("answer")
            .string("a0")
            .string("a1")
            .string("a2")
            .string("a3")
            .string("a4");
    Map<String, Object> row =
        Map.of(
            "video",
            7L,
            "question",
            "why",
            "answer",
            1L,
            "a0",
            "a",
            "a1",
            "b",
            "a2",
            "c",
            "a3",
            "d",
            "a4",
            "e");
    writer.write(dir.resolve("VLM2Vec/NExTQA/MC/test-00000-of-00001.parquet"), List.of(row, row));
    writer.write(dir.resolve("VLM2Vec/NExTQA/MC/train-00000-of-00001.parquet"), List.of(row));
    writer.write(dir.resolve("VLM2Vec/NExTQA/OE/test-00000-of-00001.parquet"), List.of(row));
    TaskData data = TaskReaders.read(task("NExTQA"), dir);
    assertThat(data.rows()).hasSize(2);
    assertThat(data.rows().get(0).relevance()).containsOnlyKeys("b");
  }

  @Test
  void youCook2ReadsBothValFilesAndNotTest() throws IOException {
    frames("video-tasks/frames/video_ret/YouCook2", "a");
    frames("video-tasks/frames/video_ret/YouCook2", "b");
    ParquetTableWriter writer = new ParquetTableWriter().string("id").string("sentence");
    writer.write(
        dir.resolve("lmms-lab/YouCook2/data/val-00000-of-00002.parquet"),
        List.of(Map.of("id", "a", "sentence", "cut onions")));
    writer.write(
        dir.resolve("lmms-lab/YouCook2/data/val-00001-of-00002.parquet"),
        List.of(Map.of("id", "b", "sentence", "boil water")));
    writer.write(
        dir.resolve("lmms-lab/YouCook2/data/test-00000-of-00001.parquet"),
        List.of(Map.of("id", "zzz", "sentence", "not read")));
    TaskData data = TaskReaders.read(task("YouCook2"), dir);
    assertThat(data.rows()).extracting(QueryRow::row).containsExactly(0, 1);
    assertThat(data.globalCandidates()).extracting(Item::key).containsExactly("a", "b");
  }

  @Test
  void dataVerifyFindsTheHubLayoutAndNamesWhatIsMissing() throws IOException {
    frames("video-tasks/frames/video_cls/UCF101", "v");
    write("VLM2Vec/UCF101/data/test.jsonl", "{\"video_id\": \"v\", \"pos_text\": \"Biking\"}\n");
    var check = org.mmeb.eval.verify.DataVerifier.check(task("UCF101"), dir);
    assertThat(check.rows()).isEqualTo(1);
    assertThat(check.images()).isEqualTo(1);
    assertThat(check.problems().get(0)).isEqualTo("UCF101: 1 rows, expected 1000");
    // the one-byte frame: the problem names the JSONL file and its row
    assertThat(check.problems().get(1))
        .contains(
            "VLM2Vec/UCF101/data/test.jsonl row 0: undecodable image v/0001.jpg ("
                + dir.resolve("video-tasks/frames/video_cls/UCF101")
                + "): not a PNG, JPEG, BMP or GIF image (1 bytes)");
    write("VLM2Vec/HMDB51/data/train.jsonl", "{}\n");
    var missing = org.mmeb.eval.verify.DataVerifier.check(task("HMDB51"), dir);
    assertThat(missing.status()).isEqualTo("missing");
    assertThat(missing.problems().get(0))
        .startsWith("HMDB51: missing: no table of split 'test' in ")
        .endsWith("(found: data/train.jsonl)");
  }

  private static List<Integer> range(int n) {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(i);
    }
    return values;
  }
}
