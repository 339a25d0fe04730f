package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.synth.ParquetTableWriter;
import org.mmeb.eval.task.DedupeKey;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.TaskSpec;

class VideoFramesReaderTest {
  @TempDir Path dir;

  private void frames(String video, int count) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("frames").resolve(video));
    for (int i = 1; i <= count; i++) {
      Files.write(folder.resolve("frame_" + i + ".jpg"), new byte[] {(byte) i});
    }
    Files.writeString(folder.resolve("notes.txt"), "not a frame");
  }

  @Test
  void classificationSamplesEightFramesInNaturalOrderAndRanksTheLabelSet() throws IOException {
    frames("v1", 12);
    frames("v2", 3);
    new ParquetTableWriter()
        .string("video_id")
        .string("pos_text")
        .write(
            dir.resolve("V/test.parquet"),
            List.of(
                Map.of("video_id", "v1", "pos_text", "jump"),
                Map.of("video_id", "v2", "pos_text", "run"),
                Map.of("video_id", "v1", "pos_text", "jump")));
    TaskSpec spec =
        TestSpecs.spec(
            "V",
            Layout.VIDEO_FRAMES,
            "video_classification",
            EvalType.GLOBAL,
            DedupeKey.TARGET_TEXT,
            "V/test.parquet",
            "frames");
    TaskData data = TaskReaders.read(spec, dir);
    QueryRow first = data.rows().get(0);
    assertThat(first.query().images())
        .containsExactly(
            "v1/frame_1.jpg",
            "v1/frame_2.jpg",
            "v1/frame_4.jpg",
            "v1/frame_5.jpg",
            "v1/frame_7.jpg",
            "v1/frame_8.jpg",
            "v1/frame_10.jpg",
            "v1/frame_12.jpg");
    assertThat(first.query().text()).isEqualTo("<|video_1|> Say what happens.");
    assertThat(data.rows().get(1).query().images()).hasSize(3);
    assertThat(data.globalCandidates()).extracting(Item::key).containsExactly("jump", "run");
    assertThat(data.rows().get(2).relevance()).containsOnlyKeys("jump");
    assertThat(data.images().read("v1/frame_12.jpg")).containsExactly(12);
  }

  @Test
  void aMissingFrameFolderNamesTheRow() throws IOException {
    frames("v1", 9);
    new ParquetTableWriter()
        .string("video_id")
        .string("pos_text")
        .write(
            dir.resolve("V/test.parquet"),
            List.of(
                Map.of("video_id", "v1", "pos_text", "jump"),
                Map.of("video_id", "gone", "pos_text", "run")));
    TaskSpec spec =
        TestSpecs.spec(
            "V",
            Layout.VIDEO_FRAMES,
            "video_classification",
            EvalType.GLOBAL,
            DedupeKey.TARGET_TEXT,
            "V/test.parquet",
            "frames");
    assertThatThrownBy(() -> TaskReaders.read(spec, dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("test.parquet row 1: no frame folder");
  }

  @Test
  void retrievalCaptionsRankVideosNamedByTheirId() throws IOException {
    frames("video7", 8);
    frames("clip_a", 8);
    new ParquetTableWriter()
        .string("video_id")
        .string("caption")
        .write(
            dir.resolve("R/test.parquet"),
            List.of(Map.of("video_id", "video7", "caption", "a dog runs")));
    TaskSpec msrvtt =
        TestSpecs.spec(
            "MSR-VTT",
            Layout.VIDEO_FRAMES,
            "msrvtt",
            EvalType.GLOBAL,
            DedupeKey.VIDEO_ID,
            "R/test.parquet",
            "frames",
            "Find a video that contains the following visual content: <caption>");
    TaskData data = TaskReaders.read(msrvtt, dir);
    assertThat(data.rows().get(0).query().text())
        .isEqualTo("Find a video that contains the following visual content: a dog runs");
    assertThat(data.rows().get(0).query().images()).isEmpty();
    Item video = data.globalCandidates().get(0);
    assertThat(video.key()).isEqualTo("video7");
    assertThat(video.text()).isEqualTo("<|video_1|> Understand the content of the provided video.");
    assertThat(video.images()).hasSize(8).allMatch(p -> p.startsWith("video7/"));
    new ParquetTableWriter()
        .string("video")
        .string("caption")
        .write(
            dir.resolve("R/test.parquet"),
            List.of(Map.of("video", "videos/clip_a.mp4", "caption", "scenes")));
    TaskSpec didemo =
        TestSpecs.spec(
            "DiDeMo",
            Layout.VIDEO_FRAMES,
            "didemo",
            EvalType.GLOBAL,
            DedupeKey.VIDEO_ID,
            "R/test.parquet",
            "frames",
            "Find a video that includes the following described scenes: <paragraph>");
    assertThat(TaskReaders.read(didemo, dir).globalCandidates())
        .extracting(Item::key)
        .containsExactly("clip_a");
  }

  @Test
  void ssv2RanksItsOwnCandidatesWhichMustHoldThePositive() throws IOException {
    frames("v1", 8);
    new ParquetTableWriter()
        .string("video_id")
        .string("pos_text")
        .stringList("neg_text")
        .write(
            dir.resolve("S/test.parquet"),
            List.of(
                Map.of("video_id", "v1", "pos_text", "push", "neg_text", List.of("pull", "push")),
                Map.of("video_id", "v1", "pos_text", "drop", "neg_text", List.of("pull", "push"))));
    TaskSpec spec =
        TestSpecs.spec(
            "SmthSmthV2",
            Layout.VIDEO_FRAMES,
            "ssv2",
            EvalType.LOCAL,
            DedupeKey.TARGET_TEXT,
            "S/test.parquet",
            "frames");
    assertThatThrownBy(() -> TaskReaders.read(spec, dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(
            "test.parquet row 1 column 'neg_text': the candidates do not include pos_text 'drop'");
  }

  /** The one row of a moment-retrieval table of {@code task} asking {@code query} of vid9. */
  private QueryRow momentRow(String task, String query) throws IOException {
    new ParquetTableWriter()
        .string("query")
        .string("video_path")
        .write(
            dir.resolve("M/test.parquet"),
            List.of(Map.of("query", query, "video_path", "videos/vid9.mp4")));
    TaskSpec spec =
        TestSpecs.spec(
            task,
            Layout.VIDEO_FRAMES,
            "moment_retrieval",
            EvalType.LOCAL,
            DedupeKey.VIDEO_ID,
            "M/test.parquet",
            "frames",
            "<video_token> Find the clip that corresponds to the described scene in the given video: <query>");
    return TaskReaders.read(spec, dir).rows().get(0);
  }

  @Test
  void momentRetrievalRanksTheVideosClipsWithThePositiveFolderAsTheAnswer() throws IOException {
    frames("vid9/query", 10);
    frames("vid9/negative_2", 8);
    frames("vid9/positive_0", 8);
    frames("vid9/negative_10", 8);
    QueryRow row = momentRow("Charades-STA", "a man opens a door");
    assertThat(row.query().text())
        .isEqualTo(
            "<|video_1|> Find the clip that corresponds to the described scene in the given video: a man opens a door");
    assertThat(row.query().images()).hasSize(8).allMatch(p -> p.startsWith("vid9/query/"));
    assertThat(row.candidates())
        .extracting(Item::key)
        .containsExactly("vid9/negative_2", "vid9/negative_10", "vid9/positive_0");
    assertThat(row.relevance()).containsOnlyKeys("vid9/positive_0");
  }

  @Test
  void
      momentRetrievalWithAnEmptyDescriptionHasNoTrailingSpaceAndTakesTheLastPositiveInListdirOrder()
          throws IOException {
    frames("vid9/query", 8);
    frames("vid9/positive_a", 8);
    frames("vid9/positive_b", 8);
    frames("vid9/positive_c", 8);
    QueryRow row = momentRow("QVHighlight", "");
    // process_input_text: `if text:` is false for "", so no " " + text
    assertThat(row.query().text())
        .isEqualTo(
            "<|video_1|> Find the clip that corresponds to the described scene in the given video:");
    // os.listdir returns readdir order, as Files.list does; the reference's loop keeps the last
    String lastInListdirOrder;
    try (var listing = Files.list(dir.resolve("frames/vid9"))) {
      lastInListdirOrder =
          listing
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("positive"))
              .reduce((a, b) -> b)
              .orElseThrow();
    }
    assertThat(row.relevance()).containsOnlyKeys("vid9/" + lastInListdirOrder);
  }
}
