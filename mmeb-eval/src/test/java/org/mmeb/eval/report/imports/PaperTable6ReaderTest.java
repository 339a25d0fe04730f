package org.mmeb.eval.report.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;
import org.mmeb.eval.report.ScoreSource;

class PaperTable6ReaderTest {
  @TempDir Path dir;

  private static final String REPORTED =
      "{\"Classification\": 40.0, \"VQA\": 1.0, \"Retrieval\": 2.0, \"Grounding\": 3.0,"
          + " \"Overall\": 4.0, \"IND\": 5.0, \"OOD\": 6.0}";

  private Path write(String json) throws Exception {
    Path file = dir.resolve("table6.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void readsColumnsReportedAggregatesAndKnownTypos() throws Exception {
    Path file =
        write(
            "{\"_meta\": {\"reported_aggregates_table6\": {\"M\": "
                + REPORTED
                + "},"
                + " \"known_inconsistencies_in_paper\": [\"M: a typo\"]},"
                + " \"M\": {\"ImageNet-1K\": 55.8, \"OK-VQA\": 7.5}}");
    PaperTable6 table = PaperTable6Reader.read(file);
    assertThat(table.columns()).hasSize(1);
    ScoreSource m = table.column("M");
    assertThat(m.printed().datasets())
        .containsEntry("ImageNet-1K", new BigDecimal("55.8"))
        .containsEntry("OK-VQA", new BigDecimal("7.5"));
    assertThat(m.mainScores()).containsEntry("ImageNet-1K", 0.558).containsEntry("OK-VQA", 0.075);
    assertThat(m.printed().aggregates())
        .containsEntry("CLS", new BigDecimal("40.0"))
        .containsEntry("RET", new BigDecimal("2.0"))
        .containsEntry("GD", new BigDecimal("3.0"))
        .containsEntry("Overall", new BigDecimal("4.0"))
        .hasSize(7);
    assertThat(table.knownInconsistencies()).containsExactly("M: a typo");
  }

  @Test
  void theReferenceFileHasEightColumnsOf36DatasetsAndTheTwoKnownTypos() {
    PaperTable6 table =
        PaperTable6Reader.read(Path.of("leaderboard/reference/mmeb-v1-paper-table6.json"));
    assertThat(table.columns())
        .extracting(ScoreSource::name)
        .containsExactly(
            "CLIP",
            "OpenCLIP",
            "SigLIP",
            "BLIP2",
            "MagicLens",
            "E5-V",
            "UniIR",
            "VLM2Vec (LLaVA-1.6, LoRA, high-res 1344x1344)");
    assertThat(table.columns()).allSatisfy(c -> assertThat(c.mainScores()).hasSize(36));
    assertThat(table.column("VLM2Vec (LLaVA-1.6, LoRA, high-res 1344x1344)").printed().aggregates())
        .containsEntry("Overall", new BigDecimal("62.9"));
    assertThat(table.knownInconsistencies()).hasSize(2);
    assertThat(table.knownInconsistencies().get(0)).startsWith("SigLIP");
    assertThat(table.knownInconsistencies().get(1)).startsWith("UniIR");
  }

  @Test
  void aScoreThatIsNotAPercentageNamesFileColumnAndDataset() throws Exception {
    Path file =
        write(
            "{\"_meta\": {\"reported_aggregates_table6\": {\"M\": "
                + REPORTED
                + "}},"
                + " \"M\": {\"ImageNet-1K\": \"55.8\"}}");
    assertThatThrownBy(() -> PaperTable6Reader.read(file))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'M'")
        .hasMessageContaining("ImageNet-1K")
        .hasMessageContaining("\"55.8\"");
  }

  @Test
  void aColumnWithoutReportedAggregatesIsAnError() throws Exception {
    Path file = write("{\"_meta\": {}, \"M\": {\"ImageNet-1K\": 55.8}}");
    assertThatThrownBy(() -> PaperTable6Reader.read(file))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("'M' has no entry in _meta.reported_aggregates_table6");
  }

  @Test
  void aMissingReportedAggregateIsAnError() throws Exception {
    Path file =
        write(
            "{\"_meta\": {\"reported_aggregates_table6\": {\"M\": {\"VQA\": 1.0}}},"
                + " \"M\": {\"ImageNet-1K\": 55.8}}");
    assertThatThrownBy(() -> PaperTable6Reader.read(file))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("found nothing");
  }
}
