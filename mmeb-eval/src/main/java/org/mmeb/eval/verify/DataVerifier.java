package org.mmeb.eval.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.DataLocations;
import org.mmeb.eval.data.ImageStore;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.data.TaskReaders;
import org.mmeb.eval.encode.image.ImageDecoder;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.TaskSpec;

/**
 * Checks one task's data: its files are there and readable, it has the expected number of rows, and
 * every image it names exists and decodes as a run would decode it ({@link ImageDecoder#read}: the
 * pixel limit, truncation), on all cores.
 */
public final class DataVerifier {
  public static final int MAX_LISTED = 50;

  private DataVerifier() {}

  public static TaskCheck check(TaskSpec spec, Path dataRoot) {
    if (!DataLocations.tablesPresent(spec, dataRoot)) {
      return failed(spec, "missing", spec.name() + ": missing: " + missingTables(spec, dataRoot));
    }
    TaskData data;
    try {
      data = TaskReaders.read(spec, dataRoot);
    } catch (UserError | IOException e) {
      return failed(spec, "unreadable", spec.name() + ": " + e.getMessage());
    }
    return checkAndClose(spec, dataRoot, data);
  }

  private static TaskCheck checkAndClose(TaskSpec spec, Path dataRoot, TaskData data) {
    try (ImageStore images = data.images()) {
      return checkContents(spec, dataRoot, data);
    } catch (IOException e) {
      throw new UserError(spec.name() + ": cannot close " + data.images().describe(), e);
    }
  }

  /** A task whose rows could not be read: one problem line. */
  private static TaskCheck failed(TaskSpec spec, String status, String line) {
    return new TaskCheck(spec.name(), status, 0, spec.expectedQueries(), 0, 0, 0, List.of(line), 1);
  }

  private static String missingTables(TaskSpec spec, Path dataRoot) {
    if (spec.source().filePattern() != null) {
      return "no file matching '" + spec.source().filePattern() + "'";
    }
    try {
      DataLocations.tables(spec, dataRoot);
      return "no table files";
    } catch (UserError e) {
      String prefix = spec.name() + ": ";
      String message = e.getMessage();
      return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
  }

  private static TaskCheck checkContents(TaskSpec spec, Path dataRoot, TaskData data) {
    Findings findings = new Findings();
    int rows = data.rows().size();
    if (spec.expectedQueries() > 0 && rows != spec.expectedQueries()) {
      findings.problems.add(
          spec.name() + ": " + rows + " rows, expected " + spec.expectedQueries());
    }
    Map<String, String> imagesWhere = imageLocations(spec, dataRoot, data);
    Map<String, String> failures = decodeAll(data.images(), imagesWhere.keySet());
    imagesWhere.forEach(
        (path, where) -> findings.image(where, path, failures.get(path), data.images()));
    return findings.check(spec, rows, imagesWhere.size());
  }

  /** What the checks found: problem lines, and how many images were missing or undecodable. */
  private static final class Findings {
    final List<String> problems = new ArrayList<>();
    int missing;
    int undecodable;

    /** Notes an image's failure (null: it decoded). */
    void image(String where, String path, String failure, ImageStore images) {
      if (failure == null) {
        return;
      }
      if (failure.startsWith("missing")) {
        missing++;
      } else {
        undecodable++;
      }
      problems.add(problemLine(where, path, failure, images));
    }

    TaskCheck check(TaskSpec spec, int rows, int images) {
      int count = problems.size();
      return new TaskCheck(
          spec.name(),
          count == 0 ? "ok" : "problems",
          rows,
          spec.expectedQueries(),
          images,
          missing,
          undecodable,
          List.copyOf(problems.subList(0, Math.min(count, MAX_LISTED))),
          count);
    }
  }

  /** Decodes every image on all cores; path → failure for those that do not decode. */
  private static Map<String, String> decodeAll(ImageStore images, Set<String> paths) {
    Map<String, String> failures = new ConcurrentHashMap<>();
    try {
      ForkJoinPool.commonPool()
          .submit(() -> paths.parallelStream().forEach(path -> decodeInto(images, path, failures)))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("image check interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("image check interrupted", e);
    }
    return failures;
  }

  private static void decodeInto(ImageStore images, String path, Map<String, String> failures) {
    String failure = decode(images, path);
    if (failure != null) {
      failures.put(path, failure);
    }
  }

  /**
   * {@code where: missing image PATH (store)}, or {@code where: undecodable image PATH (store):
   * why}.
   */
  private static String problemLine(String where, String path, String failure, ImageStore images) {
    int reason = failure.indexOf(": ");
    return where
        + ": "
        + (reason < 0 ? failure : failure.substring(0, reason))
        + " image "
        + path
        + " ("
        + images.describe()
        + ")"
        + (reason < 0 ? "" : failure.substring(reason));
  }

  /** Every image path once, with where it is first named ("file row N" or "corpus-id X"). */
  private static Map<String, String> imageLocations(TaskSpec spec, Path dataRoot, TaskData data) {
    String table = singleTable(spec, dataRoot);
    Map<String, String> where = new LinkedHashMap<>();
    for (QueryRow row : data.rows()) {
      String at =
          table == null ? spec.name() + " query row " + row.row() : table + " row " + row.row();
      addImages(where, row.query(), at);
      row.candidates().forEach(candidate -> addImages(where, candidate, at));
    }
    for (Item candidate : data.globalCandidates()) {
      addImages(where, candidate, spec.name() + " candidate " + candidate.key());
    }
    return where;
  }

  /** The task's one table file, or null when it has several (or none: BEIR corpora). */
  private static String singleTable(TaskSpec spec, Path dataRoot) {
    List<DataLocations.TableSource> tables =
        spec.layout() == Layout.BEIR_VISDOC ? List.of() : DataLocations.tables(spec, dataRoot);
    return tables.size() == 1 ? tables.get(0).file().toString() : null;
  }

  private static void addImages(Map<String, String> where, Item item, String at) {
    for (String image : item.images()) {
      where.putIfAbsent(image, at);
    }
  }

  /** null when the image decodes; otherwise "missing" or "undecodable: why". */
  static String decode(ImageStore store, String path) {
    if (!store.contains(path)) {
      return "missing";
    }
    try {
      byte[] bytes = store.read(path);
      ImageDecoder.read(bytes);
      return null;
    } catch (IOException | RuntimeException e) {
      return "undecodable: " + e.getMessage();
    }
  }
}
