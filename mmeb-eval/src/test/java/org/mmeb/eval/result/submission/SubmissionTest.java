package org.mmeb.eval.result.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.score.DatasetScore;
import org.mmeb.eval.score.Similarity;
import org.mmeb.eval.score.TaskScorer;
import org.mmeb.eval.task.DedupeKey;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.MetaTask;
import org.mmeb.eval.task.MetricName;
import org.mmeb.eval.task.Modality;
import org.mmeb.eval.task.ReferenceParser;
import org.mmeb.eval.task.TaskSpec;

class SubmissionTest {
  private static final int DIMS = 8;
  @TempDir Path dir;
  private final Map<String, float[]> vectors = new HashMap<>();
  private final Random random = new Random(3);

  private float[] vector(String key) {
    return vectors.computeIfAbsent(
        key,
        k -> {
          float[] v = new float[DIMS];
          for (int d = 0; d < DIMS; d++) {
            v[d] = (float) random.nextGaussian();
          }
          return v;
        });
  }

  private static TaskSpec spec(String name, EvalType type) {
    return new TaskSpec(
        name,
        "test",
        Modality.IMAGE,
        MetaTask.CLS,
        null,
        MetricName.parse("hit@1"),
        type,
        DedupeKey.TEXT_AND_IMAGE,
        Layout.values()[0],
        ReferenceParser.IMAGE_CLS,
        "T",
        "T",
        "",
        "",
        new TaskSpec.DataSource("local", null, "test", null, null, null, null),
        0,
        null,
        null);
  }

  /** 20 rows of 5 candidates drawn from 12 labels (so candidates repeat across rows). */
  private TaskData localTask() {
    List<QueryRow> rows = new ArrayList<>();
    for (int r = 0; r < 20; r++) {
      List<Item> candidates = new ArrayList<>();
      for (int c = 0; c < 5; c++) {
        candidates.add(Item.textOnly("label" + ((r + c * 5) % 12), "l"));
      }
      rows.add(
          new QueryRow(
              r,
              Item.textOnly("q" + (r % 17), "q"),
              candidates,
              Map.of(candidates.get(0).key(), 1.0)));
    }
    return new TaskData(spec("Local", EvalType.LOCAL), rows, List.of(), null);
  }

  private TaskData globalTask() {
    List<Item> corpus = new ArrayList<>();
    for (int j = 0; j < 30; j++) {
      corpus.add(Item.textOnly("doc" + j, "d"));
    }
    List<QueryRow> rows = new ArrayList<>();
    for (int r = 0; r < 10; r++) {
      rows.add(
          new QueryRow(r, Item.textOnly("gq" + r, "q"), List.of(), Map.of("doc" + (r * 3), 2.0)));
    }
    return new TaskData(spec("Global", EvalType.GLOBAL), rows, corpus, null);
  }

  private Submission writeBoth() throws Exception {
    new SubmissionWriter(dir, "my-model", DIMS, "cosine")
        .task(localTask(), this::vector)
        .task(globalTask(), this::vector)
        .finish();
    return Submission.open(dir);
  }

  @Test
  void aSubmissionScoresExactlyAsTheVectorsItWasWrittenFrom() throws Exception {
    Submission submission = writeBoth();
    assertThat(submission.manifest().model()).isEqualTo("my-model");
    assertThat(submission.similarity()).isEqualTo(Similarity.COSINE);
    for (TaskData data : List.of(localTask(), globalTask())) {
      Submission.TaskEmbeddings read = submission.load(data);
      DatasetScore fromFiles =
          TaskScorer.score(data.ranking(), read.queries(), read.candidates(), Similarity.COSINE);
      DatasetScore direct = TaskScorer.score(data.ranking(), this::vector);
      assertThat(fromFiles).isEqualTo(direct);
    }
    assertThat(submission.manifest().tasks().get("Local").candidates()).isEqualTo(12);
  }

  static Stream<Arguments> brokenSubmissions() {
    return Stream.<Arguments>of(
        broken(
            "a NaN value",
            d -> corruptFloat(d.resolve("Local/candidates.npy"), 2, 3, Float.NaN),
            "Local/candidates.npy: row 2, column 3 is NaN (vectors must be finite)"),
        broken(
            "an infinite query",
            d -> corruptFloat(d.resolve("Local/queries.npy"), 0, 0, Float.POSITIVE_INFINITY),
            "Local/queries.npy: row 0, column 0 is Infinity (vectors must be finite)"),
        broken(
            "wrong dims in the manifest",
            d -> edit(d.resolve("manifest.json"), "\"dims\" : 8", "\"dims\" : 16"),
            "Global/queries.npy: vectors of 8 dims, manifest.json says 16"),
        broken(
            "wrong count in the manifest",
            d -> edit(d.resolve("manifest.json"), "\"candidates\" : 30", "\"candidates\" : 31"),
            "Global/candidates.npy: 30 vectors, manifest.json says 31"),
        broken(
            "a repeated key",
            d -> edit(d.resolve("Global/candidate_keys.json"), "\"doc5\"", "\"doc4\""),
            "Global/candidate_keys.json: key 'doc4' at rows 4 and 5 (keys must be unique)"),
        broken(
            "a key the task needs is missing",
            d -> edit(d.resolve("Global/candidate_keys.json"), "\"doc5\"", "\"other\""),
            "Global/candidate_keys.json: no vector for candidate key 'doc5' (task corpus)"),
        broken(
            "a local candidate is missing",
            d -> edit(d.resolve("Local/candidate_keys.json"), "\"label3\"", "\"label99\""),
            "Local/candidate_keys.json: no vector for candidate key 'label3' (task row 0)"),
        broken(
            "an unknown similarity",
            d -> edit(d.resolve("manifest.json"), "\"cosine\"", "\"euclid\""),
            "manifest.json: similarity 'euclid', expected cosine or dot"));
  }

  private static Arguments broken(String what, Consumer<Path> damage, String message) {
    return Arguments.of(what, damage, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSubmissions")
  void brokenInputIsOneLineNamingFileAndRow(String what, Consumer<Path> damage, String message)
      throws Exception {
    writeBoth();
    damage.accept(dir);
    assertThatThrownBy(
            () -> {
              Submission submission = Submission.open(dir);
              submission.similarity();
              submission.load(globalTask());
              submission.load(localTask());
            })
        .isInstanceOf(UserError.class)
        .hasMessage(dir + "/" + message);
  }

  @Test
  void queryCountMustMatchTheTaskRows() throws Exception {
    Submission submission = writeBoth();
    TaskData fewerRows =
        new TaskData(localTask().spec(), localTask().rows().subList(0, 19), List.of(), null);
    assertThatThrownBy(() -> submission.load(fewerRows))
        .hasMessage(dir + "/Local/queries.npy: 20 query vectors, the task has 19 rows");
  }

  @Test
  void aFolderWithoutManifestIsNotASubmission() {
    assertThatThrownBy(() -> Submission.open(dir))
        .hasMessage(
            dir.resolve("manifest.json") + ": not found (a submission folder needs manifest.json)");
  }

  private static void edit(Path file, String from, String to) {
    try {
      String text = Files.readString(file);
      assertThat(text).contains(from);
      Files.writeString(file, text.replace(from, to));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void corruptFloat(Path npy, int row, int column, float value) {
    float[][] m = NpyFloatMatrix.read(npy);
    m[row][column] = value;
    try {
      NpyFloatMatrix.write(npy, m, m[0].length);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
