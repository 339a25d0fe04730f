package org.mmeb.eval.result.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;

/**
 * The checks a submission's files pass before anything is scored: counts and dims as the manifest
 * says, finite values, one vector per unique key, a vector for every candidate the task ranks. Each
 * failure is one line naming the file and the row.
 */
final class SubmissionChecks {
  private SubmissionChecks() {}

  static float[][] vectors(Path file, int expectedRows, int dims) {
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": not found");
    }
    float[][] rows = NpyFloatMatrix.read(file, expectedRows, dims);
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != dims) {
        throw new UserError(
            file + ": vectors of " + rows[r].length + " dims, manifest.json says " + dims);
      }
      requireFinite(file, r, rows[r]);
    }
    return rows;
  }

  private static void requireFinite(Path file, int r, float[] row) {
    for (int d = 0; d < row.length; d++) {
      if (!Float.isFinite(row[d])) {
        throw new UserError(
            file + ": row " + r + ", column " + d + " is " + row[d] + " (vectors must be finite)");
      }
    }
  }

  static Map<String, float[]> candidatesByKey(Path keyFile, float[][] candidates) {
    List<String> keys = readKeys(keyFile);
    if (keys.size() != candidates.length) {
      throw new UserError(
          keyFile + ": " + keys.size() + " keys for " + candidates.length + " candidate vectors");
    }
    requireUniqueKeys(keyFile, keys);
    Map<String, float[]> byKey = new HashMap<>();
    for (int r = 0; r < keys.size(); r++) {
      byKey.put(keys.get(r), candidates[r]);
    }
    return byKey;
  }

  private static void requireUniqueKeys(Path keyFile, List<String> keys) {
    Map<String, Integer> firstRow = new HashMap<>();
    for (int r = 0; r < keys.size(); r++) {
      Integer previous = firstRow.putIfAbsent(keys.get(r), r);
      if (previous != null) {
        throw repeatedKey(keyFile, keys.get(r), previous, r);
      }
    }
  }

  private static UserError repeatedKey(Path keyFile, String key, int firstRow, int row) {
    return new UserError(
        String.format(
            Locale.ROOT,
            "%s: key '%s' at rows %d and %d (keys must be unique)",
            keyFile,
            key,
            firstRow,
            row));
  }

  static void requireEveryCandidate(Path keyFile, TaskData data, Map<String, float[]> byKey) {
    for (QueryRow row : data.rows()) {
      for (Item c : row.candidates()) {
        requireVector(keyFile, byKey, c, "task row " + row.row());
      }
    }
    for (Item c : data.globalCandidates()) {
      requireVector(keyFile, byKey, c, "task corpus");
    }
  }

  private static void requireVector(
      Path keyFile, Map<String, float[]> byKey, Item candidate, String where) {
    if (!byKey.containsKey(candidate.key())) {
      throw new UserError(
          keyFile + ": no vector for candidate key '" + candidate.key() + "' (" + where + ")");
    }
  }

  private static List<String> readKeys(Path keyFile) {
    if (!Files.isRegularFile(keyFile)) {
      throw new UserError(keyFile + ": not found");
    }
    try {
      return List.of(Json.PLAIN.readValue(keyFile.toFile(), String[].class));
    } catch (IOException | NullPointerException e) {
      throw new UserError(
          keyFile
              + ": expected a JSON array of key strings: "
              + firstLine(String.valueOf(e.getMessage())),
          e);
    }
  }

  static String firstLine(String message) {
    int newline = message == null ? -1 : message.indexOf('\n');
    return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
  }
}
