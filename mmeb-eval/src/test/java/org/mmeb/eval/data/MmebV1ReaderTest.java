package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.synth.ParquetTableWriter;
import org.mmeb.eval.task.DedupeKey;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.TaskSpec;

class MmebV1ReaderTest {
  private static final String TABLE = "Cls/test-00000-of-00001.parquet";
  private static final TaskSpec SPEC =
      TestSpecs.spec(
          "Cls",
          Layout.MMEB_V1_PARQUET,
          "image_cls",
          EvalType.LOCAL,
          DedupeKey.TEXT_AND_IMAGE,
          TABLE,
          "images.zip");

  @TempDir Path dir;

  @BeforeEach
  void images() throws IOException {
    new ZipOutputStream(Files.newOutputStream(dir.resolve("images.zip"))).close();
  }

  private void write(ParquetTableWriter writer, List<Map<String, Object>> rows) throws IOException {
    writer.write(dir.resolve(TABLE), rows);
  }

  private static ParquetTableWriter v1Columns() {
    return new ParquetTableWriter()
        .string("qry_text")
        .string("qry_img_path")
        .stringList("tgt_text")
        .stringList("tgt_img_path");
  }

  /** One row of the four V1 columns. */
  private static Map<String, Object> v1Row(
      Object qryText, String qryImage, List<String> tgtTexts, List<String> tgtImages) {
    return Map.of(
        "qry_text",
        qryText,
        "qry_img_path",
        qryImage,
        "tgt_text",
        tgtTexts,
        "tgt_img_path",
        tgtImages);
  }

  @Test
  void rowsKeepFileOrderAndCandidateZeroIsThePositive() throws IOException {
    write(
        v1Columns(),
        List.of(
            v1Row("<|image_1|>\nq0", "a.png", List.of("cat", "dog"), List.of("", "")),
            v1Row("find a dog", "", List.of("", ""), List.of("d.png", "c.png"))));
    TaskData data = TaskReaders.read(SPEC, dir);
    assertThat(data.rows()).extracting(QueryRow::row).containsExactly(0, 1);
    QueryRow first = data.rows().get(0);
    assertThat(first.query().text()).isEqualTo("<|image_1|>\nq0");
    assertThat(first.query().images()).containsExactly("a.png");
    assertThat(first.candidates()).extracting(Item::text).containsExactly("cat", "dog");
    assertThat(first.relevance()).containsExactly(Map.entry(first.candidates().get(0).key(), 1.0));
    QueryRow second = data.rows().get(1);
    assertThat(second.query().images()).isEmpty();
    assertThat(second.candidates())
        .extracting(Item::images)
        .containsExactly(List.of("d.png"), List.of("c.png"));
    assertThat(second.candidates().get(0).key()).isNotEqualTo(second.candidates().get(1).key());
    assertThat(data.globalCandidates()).isEmpty();
    assertThat(data.images().describe()).endsWith("images.zip");
  }

  @Test
  void theSameTextAndImageIsTheSameItemAndTextAloneIsNot() throws IOException {
    write(
        v1Columns(),
        List.of(v1Row("q", "a.png", List.of("x", "x", "x"), List.of("a.png", "a.png", "b.png"))));
    List<Item> candidates = TaskReaders.read(SPEC, dir).rows().get(0).candidates();
    assertThat(candidates.get(0).key()).isEqualTo(candidates.get(1).key());
    assertThat(candidates.get(0).key()).isNotEqualTo(candidates.get(2).key());
  }

  @Test
  void aMissingColumnNamesTheFileAndTheColumnsFound() throws IOException {
    write(
        new ParquetTableWriter().string("qry_text").string("qry_img_path").stringList("tgt_text"),
        List.of(Map.of("qry_text", "q", "qry_img_path", "", "tgt_text", List.of("x"))));
    assertThatThrownBy(() -> TaskReaders.read(SPEC, dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(TABLE)
        .hasMessageContaining("missing column 'tgt_img_path'")
        .hasMessageContaining("qry_text");
  }

  @Test
  void aWrongTypeNamesTheRowAndColumn() throws IOException {
    write(
        new ParquetTableWriter()
            .int64("qry_text")
            .string("qry_img_path")
            .stringList("tgt_text")
            .stringList("tgt_img_path"),
        List.of(v1Row(5L, "", List.of("x"), List.of(""))));
    assertThatThrownBy(() -> TaskReaders.read(SPEC, dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(TABLE + " row 0 column 'qry_text': expected a string, found int64");
  }

  @Test
  void listsOfDifferentLengthsNameTheRow() throws IOException {
    write(
        v1Columns(),
        List.of(
            v1Row("q", "", List.of("x"), List.of("")),
            v1Row("q", "", List.of("x", "y"), List.of(""))));
    assertThatThrownBy(() -> TaskReaders.read(SPEC, dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(TABLE + " row 1: tgt_text has 2 entries but tgt_img_path has 1");
  }

  @Test
  void anEmptyCandidateListOrANullValueIsRefused() throws IOException {
    write(v1Columns(), List.of(v1Row("q", "", List.of(), List.of())));
    assertThatThrownBy(() -> TaskReaders.read(SPEC, dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("row 0 column 'tgt_text': empty candidate list");
    write(
        v1Columns(),
        List.of(Map.of("qry_text", "q", "tgt_text", List.of("x"), "tgt_img_path", List.of(""))));
    assertThatThrownBy(() -> TaskReaders.read(SPEC, dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("row 0 column 'qry_img_path': expected a string, found null");
  }

  @Test
  void missingFilesAreNamed() throws IOException {
    assertThatThrownBy(() -> TaskReaders.read(SPEC, dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("no file matching 'Cls/test-00000-of-00001.parquet'");
    write(v1Columns(), List.of());
    Files.delete(dir.resolve("images.zip"));
    assertThatThrownBy(() -> TaskReaders.read(SPEC, dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("images not found")
        .hasMessageContaining("eval_images");
  }

  @Test
  void anUnpackedImageFolderIsUsedWhenTheArchiveIsAbsent() throws IOException {
    write(v1Columns(), List.of());
    Files.delete(dir.resolve("images.zip"));
    Files.createDirectories(dir.resolve("eval_images"));
    assertThat(TaskReaders.read(SPEC, dir).images().describe()).endsWith("eval_images");
  }
}
