package org.mmeb.eval.data.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      String line = spec.name() + ": missing: " + missingTables(spec, dataRoot);
      return new TaskCheck(
          spec.name(), "missing", 0, spec.expectedQueries(), 0, 0, 0, List.of(line), 1);
    }
    TaskData data;
    try {
      data = TaskReaders.read(spec, dataRoot);
    } catch (UserError | IOException e) {
      String line = spec.name() + ": " + e.getMessage();
      return new TaskCheck(
          spec.name(), "unreadable", 0, spec.expectedQueries(), 0, 0, 0, List.of(line), 1);
    }
    try (ImageStore images = data.images()) {
      return checkContents(spec, dataRoot, data);
    } catch (IOException e) {
      throw new UserError(spec.name() + ": cannot close " + data.images().describe(), e);
    }
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
    List<String> problems = new ArrayList<>();
    int rows = data.rows().size();
    if (spec.expectedQueries() > 0 && rows != spec.expectedQueries()) {
      problems.add(spec.name() + ": " + rows + " rows, expected " + spec.expectedQueries());
    }
    Map<String, String> imagesWhere = imageLocations(spec, dataRoot, data);
    Map<String, String> failures = new ConcurrentHashMap<>();
    try {
      ForkJoinPool.commonPool()
          .submit(
              () ->
                  imagesWhere.keySet().parallelStream()
                      .forEach(
                          path -> {
                            String failure = decode(data.images(), path);
                            if (failure != null) {
                              failures.put(path, failure);
                            }
                          }))
          .get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("image check interrupted", e);
    }
    int missing = 0;
    int undecodable = 0;
    for (Map.Entry<String, String> image : imagesWhere.entrySet()) {
      String failure = failures.get(image.getKey());
      if (failure != null) {
        boolean isMissing = failure.startsWith("missing");
        missing += isMissing ? 1 : 0;
        undecodable += isMissing ? 0 : 1;
        int reason = failure.indexOf(": ");
        problems.add(
            image.getValue()
                + ": "
                + (reason < 0 ? failure : failure.substring(0, reason))
                + " image "
                + image.getKey()
                + " ("
                + data.images().describe()
                + ")"
                + (reason < 0 ? "" : failure.substring(reason)));
      }
    }
    int count = problems.size();
    List<String> listed = problems.subList(0, Math.min(count, MAX_LISTED));
    String status = count == 0 ? "ok" : "problems";
    return new TaskCheck(
        spec.name(),
        status,
        rows,
        spec.expectedQueries(),
        imagesWhere.size(),
        missing,
        undecodable,
        List.copyOf(listed),
        count);
  }

  /** Every image path once, with where it is first named ("file row N" or "corpus-id X"). */
  private static Map<String, String> imageLocations(TaskSpec spec, Path dataRoot, TaskData data) {
    List<DataLocations.TableSource> tables =
        spec.layout() == Layout.BEIR_VISDOC ? List.of() : DataLocations.tables(spec, dataRoot);
    String table = tables.size() == 1 ? tables.get(0).file().toString() : null;
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
