package org.mmeb.eval.data.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes mmeb-mini, the demo benchmark ({@code tasks/mmeb-mini/}), in the real MMEB layouts with
 * generated images: every image shows a coloured shape (6 colours × 5 shapes) and every text names
 * one, so a small contrastive model can learn the tasks. The same seed writes the same bytes.
 *
 * <p>Folder layout under {@code out}:
 *
 * <pre>
 * images.zip                                    images of the five image tasks (stored, fixed times)
 * MiniShapes/test-00000-of-00001.parquet        CLS, V1 columns, 120 rows × 30 labels
 * MiniShapeQA/test-00000-of-00001.parquet       VQA, V1 columns, 120 rows × 5–6 answers
 * MiniCaptions_i2t/test-00000-of-00001.parquet  RET i2t, V1 columns, 120 rows × 20 captions
 * MiniCaptions_t2i/test-00000-of-00001.parquet  RET t2i, V2 columns (image_t2i), 120 rows × 20
 * MiniGrounding/test-00000-of-00001.parquet     GD, V2 columns (image_i2i_vg), 100 rows × 10 crops
 * MiniDocs/{queries,corpus,qrels}/test-00000-of-00001.parquet
 *                                               visdoc, BEIR: 100 queries, 40 pages, graded qrels
 * MiniMotion/test-00000-of-00001.parquet        video classification (video_id, pos_text), 60 rows
 * MiniMotion/frames/&lt;video_id&gt;/frame_N.png     12 frames per video (N = 1…12)
 * </pre>
 */
public final class SyntheticBenchmark {
  public static final String BENCHMARK = "mmeb-mini";
  private static final String TABLE = "test-00000-of-00001.parquet";

  private SyntheticBenchmark() {}

  public static void write(Path out, long seed) throws IOException {
    Files.createDirectories(out);
    MiniImages images = new MiniImages();
    MiniImageTasks tasks = new MiniImageTasks(images);
    writeV1(out, "MiniShapes", tasks.classification("MiniShapes", 120, random(seed, 1)));
    writeV1(out, "MiniShapeQA", tasks.questions("MiniShapeQA", 120, random(seed, 2)));
    writeV1(out, "MiniCaptions_i2t", tasks.imageToText("MiniCaptions_i2t", 120, random(seed, 3)));
    writeV2(out, "MiniCaptions_t2i", tasks.textToImage("MiniCaptions_t2i", 120, random(seed, 4)));
    writeV2(out, "MiniGrounding", tasks.grounding("MiniGrounding", 100, random(seed, 5)));
    DeterministicZip.write(out.resolve("images.zip"), images.pngs());
    writeDocs(out.resolve("MiniDocs"), MiniDocsAndVideos.documents(40, 100, random(seed, 6)));
    List<Map<String, Object>> videos =
        MiniDocsAndVideos.videos(out.resolve("MiniMotion/frames"), 60, random(seed, 7));
    new ParquetTableWriter()
        .string("video_id")
        .string("pos_text")
        .write(out.resolve("MiniMotion").resolve(TABLE), videos);
  }

  /**
   * Writes {@code out/train/pairs.jsonl} ({@code qry_text, qry_img_path, tgt_text, tgt_img_path},
   * paths relative to {@code out/train/}) and {@code out/train/images/}: {@code count} training
   * pairs in the styles of all seven tasks, from the same generator with a different seed.
   */
  public static void writeTrainPairs(Path out, long seed, int count) throws IOException {
    TrainPairs.write(out.resolve("train"), random(seed, 99), count);
  }

  static Random random(long seed, int task) {
    return new Random(seed * 1_000_003L + task * 0x9E3779B97F4A7C15L);
  }

  private static void writeV1(Path out, String task, List<Map<String, Object>> rows)
      throws IOException {
    new ParquetTableWriter()
        .string("qry_text")
        .string("qry_img_path")
        .stringList("tgt_text")
        .stringList("tgt_img_path")
        .write(out.resolve(task).resolve(TABLE), rows);
  }

  private static void writeV2(Path out, String task, List<Map<String, Object>> rows)
      throws IOException {
    new ParquetTableWriter()
        .string("qry_inst")
        .string("qry_text")
        .string("qry_img_path")
        .string("tgt_inst")
        .stringList("tgt_text")
        .stringList("tgt_img_path")
        .write(out.resolve(task).resolve(TABLE), rows);
  }

  private static void writeDocs(Path folder, MiniDocsAndVideos.Beir beir) throws IOException {
    new ParquetTableWriter()
        .int64("query-id")
        .string("query")
        .write(folder.resolve("queries").resolve(TABLE), beir.queries());
    new ParquetTableWriter()
        .int64("corpus-id")
        .image("image")
        .write(folder.resolve("corpus").resolve(TABLE), beir.corpus());
    new ParquetTableWriter()
        .int64("query-id")
        .int64("corpus-id")
        .int64("score")
        .write(folder.resolve("qrels").resolve(TABLE), beir.qrels());
  }
}
