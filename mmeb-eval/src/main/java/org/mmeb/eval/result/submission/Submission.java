package org.mmeb.eval.result.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    SubmissionManifest manifest;
    try {
      manifest = Json.PLAIN.readValue(file.toFile(), SubmissionManifest.class);
    } catch (IOException e) {
      throw new UserError(
          file + ": not a valid manifest: " + SubmissionChecks.firstLine(e.getMessage()), e);
    }
    if (!SubmissionManifest.FORMAT.equals(manifest.format())
        || manifest.version() != SubmissionManifest.VERSION) {
      throw new UserError(
          file
              + ": format '"
              + manifest.format()
              + "' version "
              + manifest.version()
              + ", expected '"
              + SubmissionManifest.FORMAT
              + "' version "
              + SubmissionManifest.VERSION);
    }
    if (manifest.dims() <= 0 || manifest.model() == null || manifest.model().isBlank()) {
      throw new UserError(file + ": needs a model name and dims > 0");
    }
    return new Submission(dir, manifest);
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
    SubmissionManifest.TaskEntry entry = manifest.tasks().get(task);
    if (entry == null) {
      throw new UserError(
          dir.resolve(SubmissionManifest.FILE)
              + ": no task '"
              + task
              + "' (it lists "
              + manifest.tasks().keySet()
              + ")");
    }
    Path taskDir = TaskVectors.dir(dir, task);
    Path queryFile = taskDir.resolve(TaskVectors.QUERIES);
    float[][] queries = SubmissionChecks.vectors(queryFile, entry.queries(), manifest.dims());
    if (queries.length != data.rows().size()) {
      throw new UserError(
          queryFile
              + ": "
              + queries.length
              + " query vectors, the task has "
              + data.rows().size()
              + " rows");
    }
    Path candidateFile = taskDir.resolve(TaskVectors.CANDIDATES);
    float[][] candidates =
        SubmissionChecks.vectors(candidateFile, entry.candidates(), manifest.dims());
    Map<String, float[]> byKey =
        SubmissionChecks.candidatesByKey(taskDir.resolve(TaskVectors.CANDIDATE_KEYS), candidates);
    SubmissionChecks.requireEveryCandidate(
        taskDir.resolve(TaskVectors.CANDIDATE_KEYS), data, byKey);
    Map<String, float[]> queryByKey = new HashMap<>();
    for (int r = 0; r < queries.length; r++) {
      // Rows sharing a query item share one embedding in the protocol; the first row's vector is
      // used.
      queryByKey.putIfAbsent(data.rows().get(r).query().key(), queries[r]);
    }
    return new TaskEmbeddings(lookup(queryByKey, queryFile), lookup(byKey, candidateFile));
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
