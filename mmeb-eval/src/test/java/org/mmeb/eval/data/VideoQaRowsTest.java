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

/** Expected texts worked out by hand from process_query and qa_template in the reference. */
class VideoQaRowsTest {
  private static final String PROMPT_START =
      "<|video_1|> Given a video and a question, select the most accurate answer from the provided"
          + " candidates. Return only the exact text of your chosen answer. Question:  ";

  @TempDir Path dir;

  private TaskSpec spec(String parser) {
    return TestSpecs.spec(
        "Q",
        Layout.VIDEO_FRAMES,
        parser,
        EvalType.LOCAL,
        DedupeKey.TARGET_TEXT,
        "Q/test.parquet",
        "frames");
  }

  private void frames(String video) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("frames").resolve(video));
    Files.write(folder.resolve("0000.jpeg"), new byte[] {1});
  }

  @Test
  void nextqaListsLetteredOptionsInTheQueryAndRanksTheRawOptions() throws IOException {
    frames("42");
    new ParquetTableWriter()
        .int64("video")
        .string("question")
        .int64("answer")
        .string("a0")
        .string("a1")
        .string("a2")
        .string("a3")
        .string("a4")
        .write(
            dir.resolve("Q/test.parquet"),
            List.of(
                Map.of(
                    "video",
                    42L,
                    "question",
                    "why?",
                    "answer",
                    1L,
                    "a0",
                    "x",
                    "a1",
                    "y",
                    "a2",
                    "z",
                    "a3",
                    "u",
                    "a4",
                    "v")));
    QueryRow row = TaskReaders.read(spec("nextqa"), dir).rows().get(0);
    assertThat(row.query().text())
        .isEqualTo(PROMPT_START + "why?\nOptions:\n(A) x\n(B) y\n(C) z\n(D) u\n(E) v");
    assertThat(row.query().images()).containsExactly("42/0000.jpeg");
    assertThat(row.candidates()).extracting(Item::key).containsExactly("x", "y", "z", "u", "v");
    assertThat(row.relevance()).containsOnlyKeys("y");
  }

  @Test
  void videommeKeysByTheLetteredOptionButEncodesItsText() throws IOException {
    frames("abc");
    new ParquetTableWriter()
        .string("question")
        .string("videoID")
        .stringList("options")
        .string("answer")
        .write(
            dir.resolve("Q/test.parquet"),
            List.of(
                Map.of(
                    "question",
                    "What?",
                    "videoID",
                    "abc",
                    "options",
                    List.of("A. a cat.", "B. a dog"),
                    "answer",
                    "B")));
    QueryRow row = TaskReaders.read(spec("videomme"), dir).rows().get(0);
    assertThat(row.query().text()).isEqualTo(PROMPT_START + "What?\nA. a cat.\nB. a dog");
    assertThat(row.candidates()).extracting(Item::key).containsExactly("A. a cat.", "B. a dog");
    assertThat(row.candidates()).extracting(Item::text).containsExactly("a cat", "a dog");
    assertThat(row.relevance()).containsOnlyKeys("B. a dog");
  }

  @Test
  void activitynetqaAsksYesOrNoAboutItsVPrefixedFolder() throws IOException {
    frames("v_clip");
    new ParquetTableWriter()
        .string("video_name")
        .string("question")
        .string("answer")
        .write(
            dir.resolve("Q/test.parquet"),
            List.of(Map.of("video_name", "clip", "question", "is it raining", "answer", "no")));
    QueryRow row = TaskReaders.read(spec("activitynetqa"), dir).rows().get(0);
    assertThat(row.query().text()).isEqualTo(PROMPT_START + "is it raining? (A) yes; (B) no.");
    assertThat(row.candidates()).extracting(Item::key).containsExactly("yes", "no");
    assertThat(row.relevance()).containsOnlyKeys("no");
  }

  @Test
  void mvbenchLettersItsCandidatesAndChecksTheAnswer() throws IOException {
    frames("action/v.mp4");
    new ParquetTableWriter()
        .string("subset")
        .string("question")
        .string("video")
        .stringList("candidates")
        .string("answer")
        .write(
            dir.resolve("Q/test.parquet"),
            List.of(
                Map.of(
                    "subset",
                    "action",
                    "question",
                    "What next?",
                    "video",
                    "v.mp4",
                    "candidates",
                    List.of("sit", "run"),
                    "answer",
                    "run")));
    QueryRow row = TaskReaders.read(spec("mvbench"), dir).rows().get(0);
    assertThat(row.query().text())
        .isEqualTo(PROMPT_START + "What next?\nOptions:\n(A) sit\n(B) run");
    assertThat(row.candidates()).extracting(Item::key).containsExactly("(A) sit", "(B) run");
    assertThat(row.relevance()).containsOnlyKeys("(B) run");
    new ParquetTableWriter()
        .string("video_idx")
        .string("question")
        .string("answer")
        .stringList("option")
        .write(
            dir.resolve("Q/test.parquet"),
            List.of(
                Map.of(
                    "video_idx",
                    "action/v.mp4",
                    "question",
                    "q",
                    "answer",
                    "7",
                    "option",
                    List.of("A. x"))));
    assertThatThrownBy(() -> TaskReaders.read(spec("egoschema"), dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("row 0 column 'answer': expected an option index 0-0, found '7'");
  }

  @Test
  void lettersAreStrippedAsPythonDoes() {
    assertThat(VideoQaRows.withoutLetters(List.of("A. the end.", "B.no space", "C. . x", "")))
        .containsExactly("the end", "e", "x", "");
  }
}
