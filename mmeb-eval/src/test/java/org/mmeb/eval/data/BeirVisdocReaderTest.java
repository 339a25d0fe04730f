package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

class BeirVisdocReaderTest {
  private static final TaskSpec SPEC =
      TestSpecs.spec(
          "Docs",
          Layout.BEIR_VISDOC,
          "vidore",
          EvalType.GLOBAL,
          DedupeKey.CORPUS_ID,
          "Docs/{queries,corpus,qrels}/*.parquet",
          null);

  @TempDir Path dir;

  private void corpus(long... ids) throws IOException {
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (long id : ids) {
      rows.add(Map.of("corpus-id", id, "image", ("page " + id).getBytes(StandardCharsets.UTF_8)));
    }
    new ParquetTableWriter()
        .int64("corpus-id")
        .image("image")
        .write(dir.resolve("Docs/corpus/test-00000-of-00001.parquet"), rows);
  }

  private void queries(long... ids) throws IOException {
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (long id : ids) {
      rows.add(Map.of("query-id", id, "query", "question " + id));
    }
    new ParquetTableWriter()
        .int64("query-id")
        .string("query")
        .write(dir.resolve("Docs/queries/test-00000-of-00001.parquet"), rows);
  }

  private void qrels(long[]... triples) throws IOException {
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (long[] t : triples) {
      rows.add(Map.of("query-id", t[0], "corpus-id", t[1], "score", t[2]));
    }
    new ParquetTableWriter()
        .int64("query-id")
        .int64("corpus-id")
        .int64("score")
        .write(dir.resolve("Docs/qrels/test-00000-of-00001.parquet"), rows);
  }

  @Test
  void gradesAreTheMaximumOfPositiveScoresAndTheCorpusKeepsItsOrder() throws IOException {
    corpus(30, 10, 20, 10);
    queries(2, 1);
    qrels(
        new long[] {1, 10, 1},
        new long[] {1, 10, 2},
        new long[] {1, 20, 0},
        new long[] {2, 30, 1},
        new long[] {2, 20, 3},
        new long[] {2, 20, 0});
    TaskData data = TaskReaders.read(SPEC, dir);
    assertThat(data.globalCandidates()).extracting(Item::key).containsExactly("30", "10", "20");
    assertThat(data.globalCandidates().get(0).text())
        .isEqualTo("<|image_1|> Understand the content of the provided document image.");
    assertThat(data.images().read(data.globalCandidates().get(1).images().get(0)))
        .isEqualTo("page 10".getBytes(StandardCharsets.UTF_8));
    assertThat(data.rows()).extracting(QueryRow::row).containsExactly(0, 1);
    assertThat(data.rows().get(0).relevance()).isEqualTo(Map.of("30", 1.0, "20", 3.0));
    assertThat(data.rows().get(1).relevance()).isEqualTo(Map.of("10", 2.0));
    assertThat(data.rows().get(1).query().text())
        .isEqualTo("Find a document image that matches the given query: question 1");
    assertThat(data.rows().get(1).candidates()).isEmpty();
  }

  @Test
  void aQueryWithoutPositiveQrelsNamesTheQueriesFileAndRow() throws IOException {
    corpus(1);
    queries(5, 6);
    qrels(new long[] {5, 1, 1}, new long[] {6, 1, 0});
    assertThatThrownBy(() -> TaskReaders.read(SPEC, dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("queries/test-00000-of-00001.parquet row 1")
        .hasMessageContaining("query-id 6 has no relevant document");
  }

  @Test
  void aQrelToAnUnknownPageNamesTheQrelsRow() throws IOException {
    corpus(1);
    queries(5);
    qrels(new long[] {5, 1, 1}, new long[] {5, 9, 1});
    assertThatThrownBy(() -> TaskReaders.read(SPEC, dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("qrels/test-00000-of-00001.parquet row 1")
        .hasMessageContaining("corpus-id 9");
  }

  @Test
  void aMissingPartIsNamed() throws IOException {
    corpus(1);
    queries(5);
    assertThatThrownBy(() -> TaskReaders.read(SPEC, dir))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("no qrels file matching 'Docs/qrels/*.parquet'");
  }
}
