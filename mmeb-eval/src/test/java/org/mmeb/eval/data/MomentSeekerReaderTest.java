package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;
import org.mmeb.eval.score.DatasetScore;
import org.mmeb.eval.score.TaskScorer;
import org.mmeb.eval.task.DedupeKey;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.TaskSpec;

/**
 * MomentSeeker as src/data/eval_dataset/momentseeker_dataset.py reads it: three query kinds, clips
 * named by their frame folders, positives first, every frame of a folder.
 */
class MomentSeekerReaderTest {
  /** The columns as the hub's file has them: clip lists are 3-level LISTs of structs. */
  private static final String SCHEMA =
      "message schema {"
          + " optional binary query (STRING);"
          + " optional binary input_frames (STRING);"
          + clipList("positive_frames")
          + clipList("negative_frames")
          + "}";

  @TempDir Path dir;

  private static String clipList(String name) {
    return " optional group "
        + name
        + " (LIST) { repeated group list { optional group element {"
        + " optional binary output_path (STRING); optional double start; } } }";
  }

  private record Row(String query, String input, List<String> positives, List<String> negatives) {}

  private void write(List<Row> rows) throws IOException {
    MessageType type = MessageTypeParser.parseMessageType(SCHEMA);
    Path file = dir.resolve("MomentSeeker/test.parquet");
    Files.createDirectories(file.getParent());
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(type)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build()) {
      for (Row row : rows) {
        Group group = groups.newGroup().append("query", row.query());
        if (row.input() != null) {
          group.append("input_frames", row.input());
        }
        clips(group.addGroup("positive_frames"), row.positives());
        clips(group.addGroup("negative_frames"), row.negatives());
        writer.write(group);
      }
    }
  }

  private static void clips(Group list, List<String> paths) {
    for (String path : paths) {
      list.addGroup("list").addGroup("element").append("output_path", path).append("start", 1.5);
    }
  }

  private void frames(String folder, int count) throws IOException {
    Path path = Files.createDirectories(dir.resolve("frames").resolve(folder));
    for (int i = 1; i <= count; i++) {
      Files.write(path.resolve("frame_" + i + ".jpg"), new byte[] {(byte) i});
    }
  }

  private TaskSpec spec() {
    return TestSpecs.spec(
        "MomentSeeker",
        Layout.VIDEO_FRAMES,
        "momentseeker",
        EvalType.LOCAL,
        DedupeKey.VIDEO_ID,
        "MomentSeeker/test.parquet",
        "frames");
  }

  @Test
  void readsTextImageAndVideoQueriesWithTheirOwnClips() throws IOException {
    frames("video_frames/ms_a_pos", 8);
    frames("video_frames/ms_a_neg1", 10);
    frames("video_frames/ms_a_neg2", 3);
    frames("video_frames/movies_m1", 8);
    Files.write(dir.resolve("frames/query_q7.jpg"), new byte[] {7});
    List<String> negatives = List.of("ms/a/neg1.mp4", "ms/a/neg2.mp4");
    write(
        List.of(
            new Row("a man opens a door", "", List.of("ms/a/pos.mp4"), negatives),
            new Row("the same door", "q7.jpg", List.of("ms/a/pos.mp4"), negatives),
            new Row("then he leaves", "movies/m1.mp4", List.of("ms/a/pos.mp4"), negatives),
            new Row("no input", null, List.of("ms/a/neg2.mp4"), List.of("ms/a/neg1.mp4"))));
    TaskData data = TaskReaders.read(spec(), dir);
    assertThat(data.rows()).hasSize(4);

    QueryRow text = data.rows().get(0);
    assertThat(text.query().text())
        .isEqualTo("Find the clip that corresponds to the given text: a man opens a door");
    assertThat(text.query().images()).isEmpty();
    assertThat(text.candidates())
        .extracting(Item::key)
        .containsExactly(
            "video_frames/ms_a_pos", "video_frames/ms_a_neg1", "video_frames/ms_a_neg2");
    assertThat(text.candidates().get(0).text())
        .isEqualTo("<|video_1|> Understand the content of the provided video clip.");
    assertThat(text.candidates().get(1).images())
        .as("every frame, no sampling")
        .hasSize(10)
        .startsWith("video_frames/ms_a_neg1/frame_1.jpg", "video_frames/ms_a_neg1/frame_2.jpg")
        .endsWith("video_frames/ms_a_neg1/frame_10.jpg");
    assertThat(text.relevance()).containsOnlyKeys("video_frames/ms_a_pos");

    QueryRow image = data.rows().get(1);
    assertThat(image.query().text())
        .isEqualTo(
            "<|image_1|> Select the video clip that aligns with the given text and image:"
                + " the same door");
    assertThat(image.query().images()).containsExactly("query_q7.jpg");

    QueryRow video = data.rows().get(2);
    assertThat(video.query().text())
        .isEqualTo(
            "<|video_1|> Find the clip that corresponds to the given sentence and video segment:"
                + " then he leaves");
    assertThat(video.query().images())
        .hasSize(8)
        .allMatch(p -> p.startsWith("video_frames/movies_m1/"));

    assertThat(data.rows().get(3).query().images()).isEmpty();
    assertThat(data.rows().get(3).relevance()).containsOnlyKeys("video_frames/ms_a_neg2");
    assertThat(data.images().read("query_q7.jpg")).containsExactly(7);

    // scored locally against each row's own clips: rows 0, 2, 3 rank their positive first
    Map<String, float[]> vectors = new HashMap<>();
    vectors.put("video_frames/ms_a_pos", new float[] {1, 0});
    vectors.put("video_frames/ms_a_neg1", new float[] {0, 1});
    vectors.put("video_frames/ms_a_neg2", new float[] {0.6f, 0.8f});
    float[][] queries = {{1, 0}, {0, 1}, {0.9f, 0.1f}, {0.6f, 0.8f}};
    for (int r = 0; r < 4; r++) {
      vectors.put(data.rows().get(r).query().key(), queries[r]);
    }
    DatasetScore score = TaskScorer.score(data.ranking(), vectors::get);
    assertThat(score.mainMetric()).isEqualTo("hit@1");
    assertThat(score.mainScore()).isEqualTo(0.75);
  }

  @Test
  void aMissingClipFolderNamesTheFileAndRow() throws IOException {
    frames("video_frames/ms_a_pos", 8);
    write(List.of(new Row("q", "", List.of("ms/a/pos.mp4"), List.of("ms/a/gone.mp4"))));
    assertThatThrownBy(() -> TaskReaders.read(spec(), dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("test.parquet row 0")
        .hasMessageContaining("video_frames/ms_a_gone");
  }

  @Test
  void aRowWithoutPositivesIsBadInput() throws IOException {
    frames("video_frames/ms_a_pos", 8);
    write(List.of(new Row("q", "", List.of(), List.of("ms/a/pos.mp4"))));
    assertThatThrownBy(() -> TaskReaders.read(spec(), dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("row 0 column 'positive_frames': no positive clip");
  }
}
