package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
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
import org.mmeb.eval.data.images.ImageBytes;
import org.mmeb.eval.data.synth.SyntheticBenchmark;

/**
 * The Pillow-written hostile images (scripts/make_hostile_image_fixtures.py) inside a dataset's
 * images.zip, and an entry expanding past the 256 MB cap: {@code run} stops with one line and exit
 * 2, {@code data verify} reports each image with Pillow's reason (or the cap) and exits 1.
 */
class HostileImageRunTest {
  private static final Path HOSTILE = Path.of("mmeb-eval/src/test/resources/encode/hostile");
  private static final Path TINY_SPEC =
      Path.of("mmeb-eval/src/test/resources/encode/tiny/dual.json");
  @TempDir Path data;
  @TempDir Path work;

  /** An entry's bytes, written as a stream (a zip bomb is never held in memory). */
  @FunctionalInterface
  private interface EntryBytes {
    void writeTo(OutputStream out) throws IOException;
  }

  private static EntryBytes fixture(String name) {
    return out -> out.write(Files.readAllBytes(HOSTILE.resolve(name)));
  }

  /** The mini benchmark with MiniShapes' images 3 and 5 replaced by the named fixtures. */
  private void synthesizeWith(String image3, String image5) throws IOException {
    synthesizeWith(fixture(image3), fixture(image5));
  }

  private void synthesizeWith(EntryBytes image3, EntryBytes image5) throws IOException {
    SyntheticBenchmark.write(data, 1);
    Path zip = data.resolve("images.zip");
    Map<String, EntryBytes> entries = new LinkedHashMap<>();
    try (ZipFile in = new ZipFile(zip.toFile())) {
      for (ZipEntry e : Collections.list(in.entries())) {
        byte[] bytes = in.getInputStream(e).readAllBytes();
        entries.put(e.getName(), out -> out.write(bytes));
      }
    }
    entries.put("MiniShapes/0003.png", image3);
    entries.put("MiniShapes/0005.png", image5);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.setLevel(1);
      for (Map.Entry<String, EntryBytes> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        e.getValue().writeTo(out);
        out.closeEntry();
      }
    }
  }

  private CliRun run() {
    return MiniRun.of(TINY_SPEC, data, work).tasks("MiniShapes").run();
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
  void aZipEntryExpandingPastTheCapIsReportedByDataVerifyAndStopsTheRun() throws Exception {
    EntryBytes bomb =
        out -> {
          byte[] zeros = new byte[1 << 20];
          for (long written = 0; written <= ImageBytes.MAX_BYTES; written += zeros.length) {
            out.write(zeros);
          }
        };
    synthesizeWith(bomb, fixture("noise.png"));
    assertThat(Files.size(data.resolve("images.zip"))).isLessThan(4L << 20);
    CliRun verify = verify();
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(1);
    assertThat(verify.out())
        .contains("row 3: undecodable image MiniShapes/0003.png (")
        .contains("above the limit of 256 MB for one image")
        .doesNotContain("MiniShapes/0005.png");
    CliRun run = run();
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("error: ")
        .contains("above the limit of 256 MB for one image")
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
