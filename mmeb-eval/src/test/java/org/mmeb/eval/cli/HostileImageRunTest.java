package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.images.ImageBytes;
import org.mmeb.eval.data.synth.SyntheticBenchmark;

/**
 * The Pillow-written hostile images (scripts/make_hostile_image_fixtures.py) inside a dataset's
 * images.zip, and an entry expanding past the 256 MB cap, as Python's zipfile wrote it (same
 * script): {@code run} stops with one line and exit 2, {@code data verify} reports each image with
 * Pillow's reason (or the cap) and exits 1.
 */
class HostileImageRunTest {
  private static final Path HOSTILE = Path.of("mmeb-eval/src/test/resources/encode/hostile");
  private static final Path TINY_SPEC =
      Path.of("mmeb-eval/src/test/resources/encode/tiny/dual.json");
  private static final String IMAGE_3 = "MiniShapes/0003.png";
  private static final String IMAGE_5 = "MiniShapes/0005.png";
  @TempDir Path data;
  @TempDir Path work;

  /** The mini benchmark with MiniShapes' images 3 and 5 replaced by the named fixtures. */
  private void synthesizeWith(String image3, String image5) throws IOException {
    synthesizeWith(Map.of(IMAGE_3, image3, IMAGE_5, image5), null);
  }

  /**
   * The mini benchmark, its images.zip rewritten: an entry named in {@code fixtures} holds that
   * fixture file (deflated here); an entry {@code publisherZip} also has is that archive's entry,
   * copied as its writer compressed it; every other entry is copied as it is.
   */
  private void synthesizeWith(Map<String, String> fixtures, Path publisherZip) throws IOException {
    SyntheticBenchmark.write(data, 1);
    Path zip = data.resolve("images.zip");
    Path rewritten = work.resolve("images.zip");
    try (ZipFile synthesized = ZipFile.builder().setPath(zip).get();
        ZipFile publisher =
            publisherZip == null ? null : ZipFile.builder().setPath(publisherZip).get();
        ZipArchiveOutputStream out = new ZipArchiveOutputStream(rewritten)) {
      for (ZipArchiveEntry entry : Collections.list(synthesized.getEntries())) {
        String fixture = fixtures.get(entry.getName());
        ZipArchiveEntry published = publisher == null ? null : publisher.getEntry(entry.getName());
        if (fixture != null) {
          out.putArchiveEntry(new ZipArchiveEntry(entry.getName()));
          Files.copy(HOSTILE.resolve(fixture), out);
          out.closeArchiveEntry();
        } else if (published != null) {
          out.addRawArchiveEntry(published, publisher.getRawInputStream(published));
        } else {
          out.addRawArchiveEntry(entry, synthesized.getRawInputStream(entry));
        }
      }
    }
    Files.move(rewritten, zip, StandardCopyOption.REPLACE_EXISTING);
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
    Path bomb = HOSTILE.resolve("zip-bomb-257mb.zip");
    try (ZipFile publisher = ZipFile.builder().setPath(bomb).get()) {
      assertThat(publisher.getEntry(IMAGE_3).getSize()).isGreaterThan(ImageBytes.MAX_BYTES);
    }
    synthesizeWith(Map.of(IMAGE_5, "noise.png"), bomb);
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
