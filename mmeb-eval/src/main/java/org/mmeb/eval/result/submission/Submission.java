package org.mmeb.eval.result.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.result.FileHashes;
import org.mmeb.eval.score.EmbeddingLookup;
import org.mmeb.eval.score.Similarity;

/**
 * A folder of embeddings computed elsewhere (format in the README, "Submission format"): {@code
 * manifest.json}, and per task {@code <task>/queries.npy} (one vector per row of the task, in row
 * order), {@code <task>/candidates.npy} and {@code <task>/candidate_keys.json} (the candidate item
 * keys, one per candidate row). Everything is checked against the task's data before scoring; each
 * problem is one line naming the file and the row.
 */
public final class Submission {
  private final Path dir;
  private final SubmissionManifest manifest;

  private Submission(Path dir, SubmissionManifest manifest) {
    this.dir = dir;
    this.manifest = manifest;
  }

  /** A task's vectors, by item key: queries and candidates are separate key spaces. */
  public record TaskEmbeddings(EmbeddingLookup queries, EmbeddingLookup candidates) {}

  public static Submission open(Path dir) {
    Path file = dir.resolve(SubmissionManifest.FILE);
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": not found (a submission folder needs manifest.json)");
    }
    SubmissionManifest manifest = readManifest(file);
    checkFormat(file, manifest);
    if (manifest.dims() <= 0 || manifest.model() == null || manifest.model().isBlank()) {
      throw new UserError(file + ": needs a model name and dims > 0");
    }
    return new Submission(dir, manifest);
  }

  private static SubmissionManifest readManifest(Path file) {
    try {
      return Json.PLAIN.readValue(file.toFile(), SubmissionManifest.class);
    } catch (IOException e) {
      throw new UserError(
          file + ": not a valid manifest: " + SubmissionChecks.firstLine(e.getMessage()), e);
    }
  }

  private static void checkFormat(Path file, SubmissionManifest manifest) {
    if (!SubmissionManifest.FORMAT.equals(manifest.format())
        || manifest.version() != SubmissionManifest.VERSION) {
      throw new UserError(
          String.format(
              Locale.ROOT,
              "%s: format '%s' version %d, expected '%s' version %d",
              file,
              manifest.format(),
              manifest.version(),
              SubmissionManifest.FORMAT,
              SubmissionManifest.VERSION));
    }
  }

  /** How the vectors are to be compared: the manifest's {@code similarity}, cosine by default. */
  public Similarity similarity() {
    String name = manifest.similarity() == null ? "cosine" : manifest.similarity();
    for (Similarity s : Similarity.values()) {
      if (s.name().equalsIgnoreCase(name)) {
        return s;
      }
    }
    throw new UserError(
        dir.resolve(SubmissionManifest.FILE)
            + ": similarity '"
            + name
            + "', expected cosine or dot");
  }

  public Path manifestFile() {
    return dir.resolve(SubmissionManifest.FILE);
  }

  public SubmissionManifest manifest() {
    return manifest;
  }

  /** One hash over the manifest and the named tasks' files: the run's model fingerprint. */
  public String fingerprint(List<String> tasks) {
    List<Path> files = new ArrayList<>();
    files.add(dir.resolve(SubmissionManifest.FILE));
    for (String task : tasks.stream().sorted().toList()) {
      Path taskDir = TaskVectors.dir(dir, task);
      files.add(taskDir.resolve(TaskVectors.QUERIES));
      files.add(taskDir.resolve(TaskVectors.CANDIDATES));
      files.add(taskDir.resolve(TaskVectors.CANDIDATE_KEYS));
    }
    return FileHashes.sha256(files);
  }

  public TaskEmbeddings load(TaskData data) {
    String task = data.spec().name();
    SubmissionManifest.TaskEntry entry = entry(task);
    Path taskDir = TaskVectors.dir(dir, task);
    Path queryFile = taskDir.resolve(TaskVectors.QUERIES);
    float[][] queries = queryVectors(queryFile, entry, data);
    Path candidateFile = taskDir.resolve(TaskVectors.CANDIDATES);
    float[][] candidates =
        SubmissionChecks.vectors(candidateFile, entry.candidates(), manifest.dims());
    Path keyFile = taskDir.resolve(TaskVectors.CANDIDATE_KEYS);
    Map<String, float[]> byKey = SubmissionChecks.candidatesByKey(keyFile, candidates);
    SubmissionChecks.requireEveryCandidate(keyFile, data, byKey);
    return new TaskEmbeddings(
        lookup(queriesByKey(queries, data), queryFile), lookup(byKey, candidateFile));
  }

  private SubmissionManifest.TaskEntry entry(String task) {
    SubmissionManifest.TaskEntry entry = manifest.tasks().get(task);
    if (entry == null) {
      throw new UserError(
          String.format(
              Locale.ROOT,
              "%s: no task '%s' (it lists %s)",
              dir.resolve(SubmissionManifest.FILE),
              task,
              manifest.tasks().keySet()));
    }
    return entry;
  }

  /** The query vectors: one per row of the task, in row order. */
  private float[][] queryVectors(Path file, SubmissionManifest.TaskEntry entry, TaskData data) {
    float[][] queries = SubmissionChecks.vectors(file, entry.queries(), manifest.dims());
    if (queries.length != data.rows().size()) {
      throw new UserError(
          file
              + ": "
              + queries.length
              + " query vectors, the task has "
              + data.rows().size()
              + " rows");
    }
    return queries;
  }

  /** Rows sharing a query item share one embedding in the protocol; the first row's is used. */
  private static Map<String, float[]> queriesByKey(float[][] queries, TaskData data) {
    Map<String, float[]> queryByKey = new HashMap<>();
    for (int r = 0; r < queries.length; r++) {
      queryByKey.putIfAbsent(data.rows().get(r).query().key(), queries[r]);
    }
    return queryByKey;
  }

  private static EmbeddingLookup lookup(Map<String, float[]> vectors, Path source) {
    return key -> {
      float[] v = vectors.get(key);
      if (v == null) {
        throw new UserError(source + ": no vector for key '" + key + "'");
      }
      return v;
    };
  }
}
