package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.synth.SyntheticBenchmark;

/**
 * The Pillow-written hostile images (scripts/make_hostile_image_fixtures.py) inside a dataset's
 * images.zip: {@code run} stops with one line and exit 2, {@code data verify} reports each image
 * with Pillow's reason and exits 1.
 */
class HostileImageRunTest {
  private static final Path HOSTILE = Path.of("mmeb-eval/src/test/resources/encode/hostile");
  private static final Path TINY_SPEC =
      Path.of("mmeb-eval/src/test/resources/encode/tiny/dual.json");
  @TempDir Path data;
  @TempDir Path work;

  /** The mini benchmark with MiniShapes' images 3 and 5 replaced by the named fixtures. */
  private void synthesizeWith(String image3, String image5) throws IOException {
    SyntheticBenchmark.write(data, 1);
    Path zip = data.resolve("images.zip");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile in = new ZipFile(zip.toFile())) {
      for (ZipEntry e : Collections.list(in.entries())) {
        entries.put(e.getName(), in.getInputStream(e).readAllBytes());
      }
    }
    entries.put("MiniShapes/0003.png", Files.readAllBytes(HOSTILE.resolve(image3)));
    entries.put("MiniShapes/0005.png", Files.readAllBytes(HOSTILE.resolve(image5)));
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
  }

  private CliRun run() {
    return CliRun.of(
        "run",
        "--model",
        TINY_SPEC.toString(),
        "--benchmark",
        "mmeb-mini",
        "--tasks",
        "MiniShapes",
        "--data",
        data.toString(),
        "--device",
        "cpu",
        "--out",
        work.resolve("results").toString(),
        "--cache-dir",
        work.resolve("cache").toString());
  }

  private CliRun verify() {
    return CliRun.of(
        "data",
        "verify",
        "--benchmark",
        "mmeb-mini",
        "--tasks",
        "MiniShapes",
        "--data",
        data.toString());
  }

  @Test
  void aDecompressionBombInTheDataStopsTheRunWithOneLine() throws Exception {
    synthesizeWith("bomb-26000.png", "bomb-26000.png");
    CliRun run = run();
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("error: ")
        .contains("images.zip")
        .contains("cannot be decoded: image of 26000 x 26000 = 676000000 pixels is above the limit")
        .doesNotContain("\n");
  }

  @Test
  void aTruncatedJpegInTheDataStopsTheRunWithOneLine() throws Exception {
    synthesizeWith("noise-cut-60.jpg", "noise-cut-60.png");
    CliRun run = run();
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("error: ")
        .contains("cannot be decoded: image file is truncated")
        .doesNotContain("\n");
  }

  @Test
  void dataVerifyReportsEachHostileImageWithPillowsReason() throws Exception {
    synthesizeWith("bomb-26000.png", "noise-cut-60.jpg");
    CliRun verify = verify();
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(1);
    assertThat(verify.out())
        .contains(
            "row 3: undecodable image MiniShapes/0003.png ("
                + data.resolve("images.zip")
                + "): image of 26000 x 26000 = 676000000 pixels is above the limit of 178956970"
                + " (Pillow's DecompressionBombError)")
        .contains(
            "row 5: undecodable image MiniShapes/0005.png ("
                + data.resolve("images.zip")
                + "): image file is truncated")
        .contains("0 of 1 tasks ok");
  }
}
