package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.synth.ParquetTableWriter;
import org.mmeb.eval.task.DedupeKey;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.TaskSpec;

/** Expected texts are worked out by hand from the reference's image_*.py and process_input_text. */
class MmebV2ImageReaderTest {
  private static final String TABLE = "T/test-00000-of-00001.parquet";

  @TempDir Path dir;

  @BeforeEach
  void images() throws IOException {
    Files.createDirectories(dir.resolve("image-tasks/mmeb_v1"));
  }

  private static TaskSpec spec(String name, String parser, EvalType eval, DedupeKey key) {
    return TestSpecs.spec(
        name, Layout.MMEB_V2_IMAGE_PARQUET, parser, eval, key, TABLE, "image-tasks/mmeb_v1.tar.gz");
  }

  /** The first row of the table read as a local task {@code name} of {@code parser}. */
  private QueryRow firstLocalRow(String name, String parser, DedupeKey key) throws IOException {
    return TaskReaders.read(spec(name, parser, EvalType.LOCAL, key), dir).rows().get(0);
  }

  private void write(Map<String, Object> row) throws IOException {
    new ParquetTableWriter()
        .string("qry_inst")
        .string("qry_text")
        .string("qry_img_path")
        .string("tgt_inst")
        .stringList("tgt_text")
        .stringList("tgt_img_path")
        .write(dir.resolve(TABLE), List.of(row));
  }

  private static Map<String, Object> row(
      String qryInst, String qryText, String tgtInst, List<String> texts, List<String> paths) {
    return Map.of(
        "qry_inst",
        qryInst,
        "qry_text",
        qryText,
        "qry_img_path",
        "q.jpg",
        "tgt_inst",
        tgtInst,
        "tgt_text",
        texts,
        "tgt_img_path",
        paths);
  }

  @Test
  void classificationQueryDropsTheInstructionTokenAndEndsWithANewline() throws IOException {
    write(
        row(
            "<|image_1|>\nRepresent the given image for classification",
            "",
            "",
            List.of("cat", "dog"),
            List.of("", "")));
    QueryRow row = firstLocalRow("C", "image_cls", DedupeKey.TARGET_TEXT);
    assertThat(row.query().text())
        .isEqualTo("<|image_1|>\nRepresent the given image for classification\n");
    assertThat(row.query().images()).containsExactly("q.jpg");
    assertThat(row.candidates()).extracting(Item::key).containsExactly("cat", "dog");
    assertThat(row.candidates()).extracting(Item::text).containsExactly("cat", "dog");
    assertThat(row.relevance()).containsExactly(Map.entry("cat", 1.0));
  }

  @Test
  void questionQueryPutsTheStrippedInstructionOnItsOwnLine() throws IOException {
    write(
        row(
            "<|image_1|> Represent the given image with the following question: ",
            "What is it?",
            "",
            List.of("a"),
            List.of("")));
    QueryRow row = firstLocalRow("Q", "image_qa", DedupeKey.TARGET_TEXT);
    assertThat(row.query().text())
        .isEqualTo(
            "<|image_1|>\nRepresent the given image with the following question: What is it?\n");
  }

  @Test
  void textToImageKeysCandidatesByPathAndVisDialGetsAnotherNewline() throws IOException {
    write(
        row(
            "Find me an everyday image that matches the given caption:",
            "a dog",
            "<|image_1|>\nRepresent the given image.",
            List.of("", ""),
            List.of("d.jpg", "c.jpg")));
    QueryRow row = firstLocalRow("MSCOCO_t2i", "image_t2i", DedupeKey.TARGET_IMAGE);
    assertThat(row.query().text())
        .isEqualTo("Find me an everyday image that matches the given caption: a dog\n");
    assertThat(row.query().images()).isEmpty();
    assertThat(row.candidates()).extracting(Item::key).containsExactly("d.jpg", "c.jpg");
    assertThat(row.candidates().get(0).text())
        .isEqualTo("<|image_1|>\nRepresent the given image.\n");
    QueryRow visDial = firstLocalRow("VisDial", "image_t2i", DedupeKey.TARGET_IMAGE);
    assertThat(visDial.query().text()).endsWith("a dog\n\n");
  }

  @Test
  void captionedTargetsCarryInstructionAndCaption() throws IOException {
    write(
        row(
            "Find a news image:",
            "q",
            "<|image_1|> Represent the given image with related text information: ",
            List.of("A", "B"),
            List.of("a.jpg", "b.jpg")));
    QueryRow row = firstLocalRow("WebQA", "image_t2i", DedupeKey.TARGET_IMAGE);
    assertThat(row.candidates().get(1).text())
        .isEqualTo("<|image_1|>  Represent the given image with related text information:  B\n");
  }

  @Test
  void groundingNamesAreThePathAndTheCaptionWithoutQuotesAndBareTargetsHaveNoNewline()
      throws IOException {
    write(
        row(
            "<|image_1|>\nSelect the portion of the image that isolates the object labeled as",
            "\"dog\"",
            "<|image_1|>\nRepresent the given cropped image of the object",
            List.of("", ""),
            List.of("crop1.jpg", "crop2.jpg")));
    QueryRow row = firstLocalRow("MSCOCO", "image_i2i_vg", DedupeKey.TARGET_IMAGE_AND_TEXT);
    assertThat(row.query().text())
        .isEqualTo(
            "<|image_1|>\nSelect the portion of the image that isolates the object labeled as \"dog\"\n");
    assertThat(row.candidates()).extracting(Item::key).containsExactly("crop1.jpg:", "crop2.jpg:");
    assertThat(row.candidates().get(0).text())
        .isEqualTo("<|image_1|>\nRepresent the given cropped image of the object");
    write(
        row(
            "<|image_1|> Select",
            "",
            "<|image_1|> Select the image",
            List.of("\"a man\"", "\"a cat\""),
            List.of("x.jpg", "x.jpg")));
    QueryRow matching =
        firstLocalRow("RefCOCO-Matching", "image_i2i_vg", DedupeKey.TARGET_IMAGE_AND_TEXT);
    assertThat(matching.candidates())
        .extracting(Item::key)
        .containsExactly("x.jpg:a man", "x.jpg:a cat");
  }

  @Test
  void aGlobalTaskDeduplicatesCandidatesByNameFirstOccurrenceWins() throws IOException {
    new ParquetTableWriter()
        .string("qry_inst")
        .string("qry_text")
        .string("qry_img_path")
        .stringList("tgt_text")
        .write(
            dir.resolve(TABLE),
            List.of(
                Map.of(
                    "qry_inst",
                    "i",
                    "qry_text",
                    "",
                    "qry_img_path",
                    "1.jpg",
                    "tgt_text",
                    List.of("b", "a")),
                Map.of(
                    "qry_inst",
                    "i",
                    "qry_text",
                    "",
                    "qry_img_path",
                    "2.jpg",
                    "tgt_text",
                    List.of("a", "c", "b"))));
    TaskData data =
        TaskReaders.read(spec("G", "image_cls", EvalType.GLOBAL, DedupeKey.TARGET_TEXT), dir);
    assertThat(data.globalCandidates()).extracting(Item::key).containsExactly("b", "a", "c");
    assertThat(data.rows()).allSatisfy(r -> assertThat(r.candidates()).isEmpty());
    assertThat(data.rows().get(1).relevance()).containsOnlyKeys("a");
  }

  @Test
  void imagesComeStraightFromTheV2TarGzWhoseEntriesSitUnderMmeb() throws IOException {
    Files.delete(dir.resolve("image-tasks/mmeb_v1"));
    Path tar = dir.resolve("image-tasks/mmeb_v1.tar.gz");
    try (var file = Files.newOutputStream(tar);
        var out =
            new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(
                    file))) {
      for (String name : List.of("MMEB/q.jpg", "MMEB/other.jpg")) {
        var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
        entry.setSize(name.length());
        out.putArchiveEntry(entry);
        out.write(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.closeArchiveEntry();
      }
    }
    write(row("<|image_1|> Represent", "", "", List.of("cat"), List.of("")));
    TaskData data =
        TaskReaders.read(spec("C", "image_cls", EvalType.LOCAL, DedupeKey.TARGET_TEXT), dir);
    assertThat(data.images().describe()).endsWith("mmeb_v1.tar.gz");
    assertThat(new String(data.images().read("q.jpg"), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("MMEB/q.jpg");
    assertThat(new String(data.images().read("other.jpg"), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("MMEB/other.jpg");
    data.images().close();
  }

  @Test
  void anUnknownParserOrMismatchedListsAreUserErrors() throws IOException {
    write(row("i", "", "t", List.of("A", "B"), List.of("a.jpg")));
    assertThatThrownBy(
            () ->
                TaskReaders.read(
                    spec("W", "image_t2i", EvalType.LOCAL, DedupeKey.TARGET_IMAGE), dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("row 0: tgt_text has 2 entries but tgt_img_path has 1");
    assertThatThrownBy(
            () ->
                TaskReaders.read(spec("W", "vidore", EvalType.LOCAL, DedupeKey.TARGET_IMAGE), dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("parser 'vidore'");
  }
}
