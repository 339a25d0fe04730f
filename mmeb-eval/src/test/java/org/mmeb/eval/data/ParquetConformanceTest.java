package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmeb.eval.data.parquet.DuckDb.literal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmeb.eval.FileTrees;
import org.mmeb.eval.data.parquet.DuckDb;
import org.mmeb.eval.data.parquet.ParquetFacts;
import org.mmeb.eval.data.parquet.ParquetReshaper;
import org.mmeb.eval.data.parquet.ParquetReshaper.Shape;
import org.mmeb.eval.task.DedupeKey;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.TaskSpec;

/**
 * The conformance corpus: each layout's tables written by DuckDB (an independent Parquet writer),
 * uncompressed, then rewritten with every codec and encoding a real writer produces. Every variant
 * must read back as exactly the same rows as the uncompressed original. DuckDB cannot write older
 * pyarrow's {@code list/item} lists, the legacy 2-level lists or all-optional columns (it marks a
 * column without nulls required), so those variants are copies made with parquet-java's own
 * low-level writer and the matching schema ({@link ParquetReshaper}).
 */
class ParquetConformanceTest {
  @TempDir static Path originals;
  @TempDir Path work;

  /** A layout's original data folder (tables written by DuckDB) and the spec that reads it. */
  record Corpus(String name, TaskSpec spec, boolean hasLists) {
    Path dir() {
      return originals.resolve(name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A rewrite of every table, and what each rewritten table must show to be that variant. */
  record Variant(String name, Rewrite rewrite, Predicate<ParquetFacts> holds, boolean needsLists) {
    @Override
    public String toString() {
      return name;
    }
  }

  @FunctionalInterface
  interface Rewrite {
    void apply(Path from, Path to) throws IOException;
  }

  static final List<Corpus> CORPORA =
      List.of(
          new Corpus("v1", spec("v1", Layout.MMEB_V1_PARQUET, "image_cls", "images.zip"), true),
          new Corpus(
              "v2image",
              spec("v2image", Layout.MMEB_V2_IMAGE_PARQUET, "image_i2i_vg", "image-tasks/x.zip"),
              true),
          new Corpus("visdoc", visdocSpec(), false),
          new Corpus("videorows", spec("videorows", Layout.VIDEO_FRAMES, "msvd", "frames"), true),
          new Corpus("videoqa", spec("videoqa", Layout.VIDEO_FRAMES, "egoschema", "frames"), true));

  static final List<Variant> VARIANTS =
      List.of(
          codec("snappy", CompressionCodecName.SNAPPY),
          codec("zstd", CompressionCodecName.ZSTD),
          codec("gzip", CompressionCodecName.GZIP),
          codec("lz4_raw", CompressionCodecName.LZ4_RAW),
          codec("brotli", CompressionCodecName.BROTLI),
          duckDb(
              "delta encodings (PARQUET_VERSION v2, zstd)",
              "PARQUET_VERSION v2, COMPRESSION zstd",
              facts ->
                  facts.encodings().contains(Encoding.DELTA_LENGTH_BYTE_ARRAY)
                      || facts.encodings().contains(Encoding.DELTA_BINARY_PACKED)),
          reshaped("data pages v2 (zstd)", Shape.DATA_PAGE_V2, ParquetFacts::dataPagesV2, false),
          duckDb(
              "many row groups (snappy)",
              "ROW_GROUP_SIZE_BYTES 100, COMPRESSION snappy",
              facts -> facts.rowGroups() >= 3),
          duckDb(
              "plain pages, no dictionary for strings",
              "DICTIONARY_SIZE_LIMIT 1",
              facts -> facts.encodings().contains(Encoding.PLAIN)),
          reshaped(
              "list/item lists (older pyarrow)",
              Shape.LIST_ITEM,
              facts ->
                  facts
                      .schema()
                      .toString()
                      .contains("repeated group list {\n      optional binary item"),
              true),
          reshaped(
              "2-level array lists",
              Shape.TWO_LEVEL_ARRAY,
              facts -> facts.schema().toString().contains("repeated binary array"),
              true),
          reshaped(
              "nullable (optional) columns",
              Shape.ALL_OPTIONAL,
              facts -> facts.topLevelRepetitions().equals(Set.of(Type.Repetition.OPTIONAL)),
              false));

  private static final Map<String, TaskData> ORIGINAL = new HashMap<>();

  @BeforeAll
  static void writeOriginals() throws IOException {
    writeV1(CORPORA.get(0).dir());
    writeV2Image(CORPORA.get(1).dir());
    writeVisdoc(CORPORA.get(2).dir());
    writeVideoRows(CORPORA.get(3).dir());
    writeVideoQa(CORPORA.get(4).dir());
    for (Corpus corpus : CORPORA) {
      ORIGINAL.put(corpus.name(), TaskReaders.read(corpus.spec(), corpus.dir()));
    }
  }

  static Stream<Arguments> corpusAndVariant() {
    List<Arguments> all = new ArrayList<>();
    for (Corpus corpus : CORPORA) {
      for (Variant variant : VARIANTS) {
        if (corpus.hasLists() || !variant.needsLists()) {
          all.add(Arguments.of(corpus, variant));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("corpusAndVariant")
  void everyVariantReadsAsTheUncompressedOriginal(Corpus corpus, Variant variant)
      throws IOException {
    Path dir = work.resolve(corpus.name());
    FileTrees.copy(corpus.dir(), dir);
    for (Path table : DuckDb.parquetFiles(dir)) {
      Path rewritten = table.resolveSibling("rewritten.tmp");
      variant.rewrite().apply(table, rewritten);
      assertThat(variant.holds().test(ParquetFacts.of(rewritten)))
          .as("%s is really '%s': %s", table.getFileName(), variant, ParquetFacts.of(rewritten))
          .isTrue();
      Files.move(rewritten, table, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    TaskData original = ORIGINAL.get(corpus.name());
    TaskData read = TaskReaders.read(corpus.spec(), dir);
    try (ImageStore images = read.images()) {
      assertThat(read.rows()).isEqualTo(original.rows());
      assertThat(read.globalCandidates()).isEqualTo(original.globalCandidates());
      for (Item candidate : original.globalCandidates()) {
        for (String image : candidate.images()) {
          assertThat(images.read(image)).isEqualTo(original.images().read(image));
        }
      }
    }
  }

  @Test
  void theOriginalsAreUncompressedWithDictionaryPagesRequiredColumnsAndLargeStrings()
      throws IOException {
    for (Corpus corpus : CORPORA) {
      for (Path table : DuckDb.parquetFiles(corpus.dir())) {
        ParquetFacts facts = ParquetFacts.of(table);
        assertThat(facts.codecs())
            .as(table.toString())
            .containsOnly(CompressionCodecName.UNCOMPRESSED);
      }
    }
    ParquetFacts v1Facts = ParquetFacts.of(v1Table());
    assertThat(v1Facts.dictionaryPages()).isTrue();
    assertThat(v1Facts.topLevelRepetitions()).contains(Type.Repetition.REQUIRED);
    TaskData v1 = ORIGINAL.get("v1");
    assertThat(v1.rows()).hasSize(400);
    assertThat(v1.rows().get(7).query().text()).hasSizeGreaterThan(1_500_000);
    TaskData visdoc = ORIGINAL.get("visdoc");
    assertThat(visdoc.globalCandidates()).hasSize(30);
    assertThat(visdoc.images().read(BeirVisdocReader.pagePath("1")))
        .asString()
        .isEqualTo("page file 1");
    assertThat(visdoc.images().read(BeirVisdocReader.pagePath("2"))).asString().isEqualTo("page 2");
  }

  private static Path v1Table() {
    return CORPORA.get(0).dir().resolve("v1/test-00000-of-00001.parquet");
  }

  private static Variant codec(String sqlName, CompressionCodecName codec) {
    return duckDb(sqlName, "COMPRESSION " + sqlName, facts -> facts.codecs().equals(Set.of(codec)));
  }

  private static Variant duckDb(String name, String options, Predicate<ParquetFacts> holds) {
    return new Variant(name, (from, to) -> DuckDb.rewrite(from, to, options), holds, false);
  }

  private static Variant reshaped(
      String name, Shape shape, Predicate<ParquetFacts> holds, boolean needsLists) {
    return new Variant(
        name, (from, to) -> ParquetReshaper.copy(from, to, shape), holds, needsLists);
  }

  private static TaskSpec spec(String name, Layout layout, String parser, String images) {
    EvalType eval =
        layout == Layout.VIDEO_FRAMES && parser.equals("msvd") ? EvalType.GLOBAL : EvalType.LOCAL;
    DedupeKey key =
        switch (parser) {
          case "image_i2i_vg" -> DedupeKey.TARGET_IMAGE_AND_TEXT;
          case "msvd" -> DedupeKey.TARGET_IMAGE;
          case "egoschema" -> DedupeKey.TARGET_TEXT;
          default -> DedupeKey.TEXT_AND_IMAGE;
        };
    return TestSpecs.spec(
        name, layout, parser, eval, key, name + "/test-00000-of-00001.parquet", images);
  }

  private static TaskSpec visdocSpec() {
    return TestSpecs.spec(
        "visdoc",
        Layout.BEIR_VISDOC,
        "vidore",
        EvalType.GLOBAL,
        DedupeKey.CORPUS_ID,
        "visdoc/{queries,corpus,qrels}/*.parquet",
        null);
  }

  /** Writes a SELECT over {@code range(rows) t(i)} as an uncompressed DuckDB table. */
  private static void duckDbTable(Path file, int rows, String columns) throws IOException {
    Files.createDirectories(file.getParent());
    DuckDb.execute(
        "COPY (SELECT "
            + columns
            + " FROM range("
            + rows
            + ") t(i) ORDER BY i) TO "
            + literal(file.toString())
            + " (FORMAT parquet, COMPRESSION uncompressed)");
  }

  private static void writeV1(Path dir) throws IOException {
    Files.createDirectories(dir);
    new ZipOutputStream(Files.newOutputStream(dir.resolve("images.zip"))).close();
    duckDbTable(
        dir.resolve("v1/test-00000-of-00001.parquet"),
        400,
        // row 7 is a 1.56 MB string (more than a default page); labels repeat (dictionary pages)
        "CASE WHEN i = 7 THEN '<|image_1|> ' || repeat('a long query ', 120000)"
            + " ELSE '<|image_1|>' || chr(10) || 'Represent the image ' || (i % 40) END AS qry_text,"
            + " CASE WHEN i % 3 = 0 THEN '' ELSE 'img/q' || i || '.jpg' END AS qry_img_path,"
            + " list_transform(range(5), lambda k: 'label ' || ((i + k) % 13)) AS tgt_text,"
            + " list_transform(range(5), lambda k: '') AS tgt_img_path");
  }

  private static void writeV2Image(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("image-tasks"));
    new ZipOutputStream(Files.newOutputStream(dir.resolve("image-tasks/x.zip"))).close();
    duckDbTable(
        dir.resolve("v2image/test-00000-of-00001.parquet"),
        300,
        "'<|image_1|> Select the portion of the image that isolates the object' AS qry_inst,"
            + " 'thing ' || (i % 17) || ' ' || repeat('é', i) AS qry_text,"
            + " 'images/' || i || '.jpg' AS qry_img_path,"
            + " '<|image_1|> Represent the given cropped image of the object' AS tgt_inst,"
            + " list_transform(range(3), lambda k: 'cap ' || ((i * k) % 11)) AS tgt_text,"
            + " list_transform(range(3), lambda k: 'crops/' || ((i + k) % 50) || '.jpg') AS tgt_img_path");
  }

  /** Pages as the datasets Image struct: bytes only, a path only (file beside the table), both. */
  private static void writeVisdoc(Path dir) throws IOException {
    Path corpus = dir.resolve("visdoc/corpus/test-00000-of-00001.parquet");
    Files.createDirectories(corpus.getParent());
    for (int i = 0; i < 30; i += 3) {
      Files.writeString(corpus.resolveSibling("page" + (i + 1) + ".png"), "page file " + (i + 1));
    }
    duckDbTable(
        corpus,
        30,
        "i::BIGINT AS \"corpus-id\","
            + " CASE i % 3"
            + "  WHEN 0 THEN {'bytes': ('page ' || i)::BLOB, 'path': 'not-read.png'}"
            + "  WHEN 1 THEN {'bytes': NULL::BLOB, 'path': 'page' || i || '.png'}"
            + "  ELSE {'bytes': ('page ' || i)::BLOB, 'path': NULL::VARCHAR} END AS image");
    duckDbTable(
        dir.resolve("visdoc/queries/test-00000-of-00001.parquet"),
        20,
        "(100 + i)::BIGINT AS \"query-id\", 'what is on page ' || i AS query");
    duckDbTable(
        dir.resolve("visdoc/qrels/test-00000-of-00001.parquet"),
        40,
        "(100 + i % 20)::BIGINT AS \"query-id\", ((i * 7) % 30)::BIGINT AS \"corpus-id\","
            + " (i % 3)::BIGINT AS score");
  }

  private static void frames(Path dir, String prefix, int videos) throws IOException {
    for (int v = 0; v < videos; v++) {
      Path folder = Files.createDirectories(dir.resolve("frames/" + prefix + v));
      for (int f = 1; f <= 10; f++) {
        Files.write(folder.resolve("frame_" + f + ".jpg"), new byte[] {(byte) f});
      }
    }
  }

  private static void writeVideoRows(Path dir) throws IOException {
    frames(dir, "video", 12);
    duckDbTable(
        dir.resolve("videorows/test-00000-of-00001.parquet"),
        60,
        "'video' || (i % 12) AS video_id,"
            + " list_transform(range(1 + i % 3), lambda k: 'a person does thing ' || (i + k)) AS caption");
  }

  private static void writeVideoQa(Path dir) throws IOException {
    frames(dir, "", 8);
    duckDbTable(
        dir.resolve("videoqa/test-00000-of-00001.parquet"),
        50,
        "(i % 8)::BIGINT AS video_idx, 'What happens in clip ' || i || '?' AS question,"
            + " (i % 5)::BIGINT AS answer,"
            + " list_transform(range(5), lambda k: chr((65 + k)::INTEGER) || '. option ' || ((i + k) % 9)) AS option");
  }
}
