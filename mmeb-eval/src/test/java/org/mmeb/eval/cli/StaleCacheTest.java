package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.synth.SyntheticBenchmark;
import org.mmeb.eval.result.DatasetResult;
import org.mmeb.eval.result.ResultsLayout;
import org.mmeb.eval.result.RunRecord;
import org.mmeb.eval.result.RunRecordFile;

/**
 * A second version of a dataset (same paths, other image bytes) run with the same cache: before the
 * cache keyed images by content, it served the old vectors (MiniShapes 5.8 instead of 100.0).
 */
class StaleCacheTest {
  @TempDir Path work;

  private DatasetResult runMiniShapes(Path cache, String results) {
    CliRun run =
        MiniRun.of("models/demo/spec.json", work.resolve("data"), work)
            .tasks("MiniShapes")
            .set("--out", work.resolve(results))
            .set("--cache-dir", cache)
            .run();
    assertThat(run.exitCode()).as(run.err()).isZero();
    RunRecord record =
        RunRecordFile.read(
            ResultsLayout.runFile(work.resolve(results), "mmeb-eval-demo", "mmeb-mini"));
    return record.datasets().get(0);
  }

  @Test
  void imagesChangedUnderTheSamePathsAreEncodedAgain() throws Exception {
    SyntheticBenchmark.write(work.resolve("data"), 5);
    Path cache = work.resolve("cache");
    DatasetResult before = runMiniShapes(cache, "r1");

    rotateImageBytes(work.resolve("data/images.zip"), "MiniShapes/");
    DatasetResult cached = runMiniShapes(cache, "r2");
    DatasetResult fresh = runMiniShapes(work.resolve("fresh-cache"), "r3");

    assertThat(before.mainScore()).isEqualTo(1.0);
    assertThat(fresh.mainScore()).isLessThan(0.5);
    assertThat(cached.mainScore()).isEqualTo(fresh.mainScore());
    assertThat(cached.counts().encoded())
        .as("every image item again; only the text labels from the cache")
        .isEqualTo(fresh.counts().encoded() - cached.counts().cacheHits());
    assertThat(cached.counts().cacheHits()).isPositive();
  }

  /** Rewrites the zip with each entry under {@code prefix} holding the next such entry's bytes. */
  static void rotateImageBytes(Path zip, String prefix) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile in = new ZipFile(zip.toFile())) {
      for (ZipEntry e : in.stream().toList()) {
        entries.put(e.getName(), in.getInputStream(e).readAllBytes());
      }
    }
    List<String> rotated = new ArrayList<>();
    for (String name : entries.keySet()) {
      if (name.startsWith(prefix)) {
        rotated.add(name);
      }
    }
    byte[] first = entries.get(rotated.get(0));
    for (int i = 0; i < rotated.size(); i++) {
      String next = i + 1 < rotated.size() ? rotated.get(i + 1) : null;
      entries.put(rotated.get(i), next == null ? first : entries.get(next));
    }
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
  }
}
