package org.mmeb.eval.data.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.data.TaskReaders;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

class SyntheticBenchmarkTest {
  @TempDir Path dir;

  @Test
  void everyMiniTaskReadsBackWithItsExpectedRowsAndResolvableImages() throws IOException {
    SyntheticBenchmark.write(dir, 7);
    List<TaskSpec> tasks = TaskRegistry.load(Path.of("tasks"), List.of()).benchmark("mmeb-mini");
    assertThat(tasks).hasSizeGreaterThanOrEqualTo(7);
    for (TaskSpec spec : tasks) {
      TaskData data = TaskReaders.read(spec, dir);
      try (ImageStore images = data.images()) {
        check(spec, data);
      }
    }
  }

  private static void check(TaskSpec spec, TaskData data) throws IOException {
    assertThat(data.rows()).as(spec.name()).hasSize(spec.expectedQueries());
    for (QueryRow row : data.rows()) {
      assertThat(row.relevance()).as(spec.name()).isNotEmpty();
      if (spec.evalType() == EvalType.LOCAL) {
        assertThat(row.candidates()).isNotEmpty();
        assertThat(row.relevance()).containsKey(row.candidates().get(0).key());
        if (spec.candidatesPerQuery() != null) {
          assertThat(row.candidates()).hasSize(spec.candidatesPerQuery());
        }
      } else {
        assertThat(row.candidates()).isEmpty();
        var keys = data.globalCandidates().stream().map(c -> c.key()).toList();
        assertThat(keys).containsAll(row.relevance().keySet());
      }
      for (String image : row.query().images()) {
        assertThat(data.images().contains(image)).as(image).isTrue();
      }
    }
    for (var candidate : data.globalCandidates()) {
      for (String image : candidate.images()) {
        assertThat(data.images().read(image)).startsWith((byte) 0x89, (byte) 'P');
      }
    }
  }

  @Test
  void sameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    SyntheticBenchmark.write(a, 3);
    SyntheticBenchmark.write(b, 3);
    assertThat(digests(a)).isEqualTo(digests(b)).hasSizeGreaterThan(700);
    SyntheticBenchmark.writeTrainPairs(a, 3, 7);
    SyntheticBenchmark.writeTrainPairs(b, 4, 7);
    assertThat(digests(a.resolve("train"))).isNotEqualTo(digests(b.resolve("train")));
  }

  @Test
  void trainPairsPointAtWrittenImages() throws IOException {
    SyntheticBenchmark.writeTrainPairs(dir, 1, 30);
    List<String> lines = Files.readAllLines(dir.resolve("train/pairs.jsonl"));
    assertThat(lines).hasSize(30);
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String line : lines) {
      Map<String, Object> pair =
          json.readValue(
              line, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
      assertThat(pair.keySet())
          .containsExactly("qry_text", "qry_img_path", "tgt_text", "tgt_img_path");
      for (String key : List.of("qry_img_path", "tgt_img_path")) {
        String path = (String) pair.get(key);
        if (!path.isEmpty()) {
          assertThat(dir.resolve("train").resolve(path)).isRegularFile();
        }
      }
    }
  }

  private static Map<String, String> digests(Path root) throws IOException {
    Map<String, String> digests = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        digests.put(root.relativize(file).toString(), sha256(Files.readAllBytes(file)));
      }
    }
    return digests;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
