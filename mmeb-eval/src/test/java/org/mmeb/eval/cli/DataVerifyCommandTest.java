package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataVerifyCommandTest {
  @TempDir static Path shared;
  static Path mini;

  @TempDir Path dir;

  @BeforeAll
  static void synth() {
    mini = shared.resolve("mini");
    assertThat(run("data", "synth", "--out", mini.toString(), "--seed", "11").exitCode()).isZero();
  }

  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void aFreshSynthVerifiesClean() {
    CliRun result = run("data", "verify", "--benchmark", "mmeb-mini", "--data", mini.toString());
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out())
        .contains("7 of 7 tasks ok")
        .contains("MiniDocs")
        .doesNotContain("missing image");
  }

  @Test
  void missingFilesMissingAndCorruptImagesAreEachOneLineAndExitOne() throws IOException {
    Path data = copy(mini, dir.resolve("data"));
    Files.delete(data.resolve("MiniShapeQA/test-00000-of-00001.parquet"));
    Files.writeString(data.resolve("MiniMotion/frames/video_000/frame_1.png"), "not a png");
    dropZipEntry(data.resolve("images.zip"), "MiniShapes/0003.png");
    CliRun result = run("data", "verify", "--benchmark", "mmeb-mini", "--data", data.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .containsPattern("MiniShapeQA +missing")
        .contains(
            "MiniShapeQA: missing: no file matching 'MiniShapeQA/test-00000-of-00001.parquet'")
        .contains("MiniShapes/test-00000-of-00001.parquet row 3: missing image MiniShapes/0003.png")
        .contains(
            "MiniMotion/test-00000-of-00001.parquet row 0: undecodable image video_000/frame_1.png")
        .contains("4 of 7 tasks ok");
  }

  @Test
  void onlyTheNamedTasksAreChecked() {
    CliRun result =
        run(
            "data",
            "verify",
            "--benchmark",
            "mmeb-mini",
            "--data",
            mini.toString(),
            "--tasks",
            "MiniDocs,MiniShapes");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("2 of 2 tasks ok").doesNotContain("MiniMotion");
    CliRun unknown =
        run(
            "data",
            "verify",
            "--benchmark",
            "mmeb-mini",
            "--data",
            mini.toString(),
            "--tasks",
            "Nope");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no task 'Nope'");
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }

  private static void dropZipEntry(Path zip, String name) throws IOException {
    Map<String, byte[]> kept = new LinkedHashMap<>();
    try (ZipFile in = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        if (!e.getName().equals(name)) {
          kept.put(e.getName(), in.getInputStream(e).readAllBytes());
        }
      }
    }
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (var e : kept.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
  }
}
