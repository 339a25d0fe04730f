package org.mmeb.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.data.synth.SyntheticBenchmark;

/**
 * Spec values and options that used to reach ONNX Runtime (exit 3, multi-line text) or went
 * unnoticed: image.size 0 or -5, --batch-size 0, a pad_id or tokenizer ids past the text graph's
 * token embedding table (the tiny graph has 20 rows); and names that would become paths outside the
 * folder given (a model named "..").
 */
class BadSpecValuesTest {
  private static final Path TINY = Path.of("mmeb-eval/src/test/resources/encode/tiny");
  @TempDir static Path data;
  @TempDir Path work;

  @BeforeAll
  static void synthesize() throws Exception {
    SyntheticBenchmark.write(data, 1);
  }

  /** The tiny dual spec copied beside its files, with one text replaced. */
  private Path spec(String from, String to) throws Exception {
    Path dir = work.resolve("model");
    Files.createDirectories(dir);
    for (String file : new String[] {"text.onnx", "vision.onnx", "tokenizer.json"}) {
      Files.copy(TINY.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    String json = Files.readString(TINY.resolve("dual.json"));
    assertThat(json).contains(from);
    Path spec = dir.resolve("spec.json");
    Files.writeString(spec, json.replace(from, to));
    return spec;
  }

  private CliRun run(Path spec, String... extra) {
    return MiniRun.of(spec, data, work).tasks("MiniShapes").plus(extra).run();
  }

  private static void assertOneLineExit2(CliRun run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("error: ").contains(message).doesNotContain("\n");
  }

  @Test
  void aZeroOrNegativeImageSizeIsOneLine() throws Exception {
    assertOneLineExit2(
        run(spec("\"size\": 32", "\"size\": 0")), "image sizes must be > 0 (size 0, crop 32)");
  }

  @Test
  void aNegativeImageSizeIsOneLine() throws Exception {
    assertOneLineExit2(
        run(spec("\"crop\": 32", "\"crop\": -5")), "image sizes must be > 0 (size 32, crop -5)");
  }

  @Test
  void anImageSizeTheGraphRejectsIsOneLine() throws Exception {
    Path spec = spec("\"size\": 32,\n  \"crop\": 32", "\"size\": 48,\n  \"crop\": 48");
    assertOneLineExit2(
        run(spec),
        "vision.onnx: ONNX Runtime failed running the graph on cpu: Got invalid dimensions");
  }

  @Test
  void aPadIdPastTheGraphsEmbeddingTableIsOneLine() throws Exception {
    assertOneLineExit2(
        run(spec("\"pad_id\": 0", "\"pad_id\": 100000")),
        "spec.json: tokenizer.pad_id 100000 is outside the token embedding table of text.onnx"
            + " (ids 0 to 19: 'embed.weight' has 20 rows for input 'input_ids')");
    assertOneLineExit2(
        run(spec("\"pad_id\": 0", "\"pad_id\": 20")), "tokenizer.pad_id 20 is outside");
    assertOneLineExit2(
        run(spec("\"pad_id\": 0", "\"pad_id\": -1")), "tokenizer.pad_id -1 is outside");
  }

  @Test
  void thePadIdOfTheTablesLastRowIsAccepted() throws Exception {
    CliRun run = run(spec("\"pad_id\": 0", "\"pad_id\": 19"));
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void aTokenizerWithIdsPastTheGraphsEmbeddingTableIsOneLine() throws Exception {
    Path spec = spec("\"pad_id\": 0", "\"pad_id\": 0");
    Path tokenizer = spec.resolveSibling("tokenizer.json");
    Files.writeString(
        tokenizer,
        Files.readString(tokenizer)
            .replace(
                "\"added_tokens\": [",
                "\"added_tokens\": [{\"id\": 20, \"content\": \"<image>\", \"single_word\":"
                    + " false, \"lstrip\": false, \"rstrip\": false, \"normalized\": false,"
                    + " \"special\": true},"));
    assertOneLineExit2(
        run(spec),
        "spec.json: tokenizer.file tokenizer.json has token ids up to 20, outside the token"
            + " embedding table of text.onnx (ids 0 to 19");
  }

  @Test
  void aBatchSizeOfZeroIsOneLine() throws Exception {
    assertOneLineExit2(
        run(spec("\"normalize\": true", "\"normalize\": true"), "--batch-size", "0"),
        "--batch-size must be at least 1 (found 0)");
  }

  @Test
  void aTaskFileNamedOutOfItsFolderWritesOnlyInsideTheFoldersGiven() throws Exception {
    // deep enough that an unsanitised vlm2vec or cache path would land above the folders given
    String name = "../../../../../../PWNED";
    Path taskFile = work.resolve("pwned.json");
    Files.writeString(
        taskFile,
        Files.readString(Path.of("tasks/mmeb-mini/MiniShapes.json"))
            .replace("\"name\": \"MiniShapes\"", "\"name\": \"" + name + "\""));
    Path inside = Files.createDirectories(work.resolve("a/b/c"));
    CliRun run =
        CliRun.of(
            "run",
            "--model",
            spec("\"normalize\": true", "\"normalize\": true").toString(),
            "--benchmark",
            "mmeb-mini",
            "--task-file",
            taskFile.toString(),
            "--tasks",
            name,
            "--data",
            data.toString(),
            "--device",
            "cpu",
            "--out",
            inside.resolve("results").toString(),
            "--cache-dir",
            inside.resolve("cache").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Stream<Path> files = Files.walk(work)) {
      assertThat(files.filter(Files::isRegularFile))
          .allMatch(
              file ->
                  file.startsWith(inside)
                      || file.startsWith(work.resolve("model"))
                      || file.equals(taskFile),
              "inside the folders given");
    }
    assertThat(
            inside.resolve(
                "results/tiny-dual/mmeb-mini/vlm2vec/..__..__..__..__..__..__PWNED_score.json"))
        .exists();
  }

  @Test
  void aModelNamedDotDotWritesNothingOutsideTheResultsFolder() throws Exception {
    Path spec = spec("\"name\": \"tiny-dual\"", "\"name\": \"..\"");
    assertOneLineExit2(run(spec), "'..' cannot be used as a name");
    try (Stream<Path> files = Files.list(work)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("mmeb-mini");
    }
  }
}
