package org.mmeb.eval.pipeline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.mmeb.eval.Json;
import org.mmeb.eval.data.synth.ParquetTableWriter;

/**
 * Writes a V1-layout classification task of {@code 400 × scale} queries, each with its own 96 × 96
 * image, ranking 10 labels, for scripts/bench-memory.sh (peak RSS of {@code run} at several task
 * sizes). Not a test.
 *
 * <pre>java -cp ... org.mmeb.eval.pipeline.bench.MemoryBenchTask OUT SCALE</pre>
 *
 * writes {@code OUT/task.json} (benchmark {@code memory-bench}), {@code OUT/MemBench/test-…parquet}
 * and {@code OUT/images.zip}.
 */
public final class MemoryBenchTask {
  private static final int BASE_QUERIES = 400;
  private static final int LABELS = 10;

  private MemoryBenchTask() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int queries = BASE_QUERIES * Integer.parseInt(args[1]);
    Files.createDirectories(out);
    Random random = new Random(queries);
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ZipOutputStream zip =
        new ZipOutputStream(Files.newOutputStream(out.resolve("images.zip")))) {
      for (int q = 0; q < queries; q++) {
        String path = "img/" + q + ".png";
        zip.putNextEntry(new ZipEntry(path));
        writePng(zip, random);
        zip.closeEntry();
        List<String> labels = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int l = 0; l < LABELS; l++) {
          labels.add("a photo of shape " + ((q + l) % LABELS));
          paths.add("");
        }
        Map<String, Object> row = new HashMap<>();
        row.put("qry_text", "<|image_1|>\nRepresent the given image for classification");
        row.put("qry_img_path", path);
        row.put("tgt_text", labels);
        row.put("tgt_img_path", paths);
        rows.add(row);
      }
    }
    new ParquetTableWriter()
        .string("qry_text")
        .string("qry_img_path")
        .stringList("tgt_text")
        .stringList("tgt_img_path")
        .write(out.resolve("MemBench/test-00000-of-00001.parquet"), rows);
    writeTask(out, queries);
  }

  private static void writePng(OutputStream out, Random random) throws IOException {
    BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 96; y++) {
      for (int x = 0; x < 96; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    png.writeTo(out);
  }

  /** The task file: mmeb-mini's V1-layout task with a new name, benchmark, table and size. */
  private static void writeTask(Path out, int queries) throws IOException {
    ObjectNode task =
        (ObjectNode) Json.PLAIN.readTree(Path.of("tasks/mmeb-mini/MiniCaptions_i2t.json").toFile());
    task.put("name", "MemBench");
    task.put("benchmark", "memory-bench");
    task.put("meta_task", "CLS");
    task.put("parser", "image_cls");
    task.put("dedupe_key", "text_and_image");
    task.put("expected_queries", queries);
    task.put("candidates_per_query", LABELS);
    ObjectNode source = (ObjectNode) task.get("source");
    source.put("config", "MemBench");
    source.put("file_pattern", "MemBench/test-00000-of-00001.parquet");
    source.put("images", "images.zip");
    Json.PLAIN.writerWithDefaultPrettyPrinter().writeValue(out.resolve("task.json").toFile(), task);
  }
}
