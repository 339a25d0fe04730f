package org.mmeb.eval.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;

/**
 * Reads and writes {@code run.json}. Writing is atomic. Reading checks {@code schema_version}
 * before anything else and rejects versions this harness does not know, and unknown fields, with
 * one clear line.
 */
public final class RunRecordFile {
  private RunRecordFile() {}

  public static void write(Path file, RunRecord record) throws IOException {
    AtomicFiles.writeString(file, Json.RUN_RECORD.writeValueAsString(record) + "\n");
  }

  public static RunRecord read(Path file) {
    JsonNode root;
    try {
      root = Json.RUN_RECORD.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UserError(file + ": cannot read a run record: " + e.getMessage(), e);
    }
    checkSchemaVersion(file, root);
    RunRecord record = toRecord(file, root);
    RunRecordChecks.check(record, file.toString());
    return record;
  }

  private static RunRecord toRecord(Path file, JsonNode root) {
    try {
      return Json.RUN_RECORD.treeToValue(root, RunRecord.class);
    } catch (IOException e) {
      throw new UserError(file + ": invalid run record: " + firstLine(e.getMessage()), e);
    }
  }

  /** Checked before anything else: a record of another version is refused, never misread. */
  private static void checkSchemaVersion(Path file, JsonNode root) {
    JsonNode version = root == null ? null : root.get("schema_version");
    if (version == null || !version.isInt()) {
      throw new UserError(file + ": not an mmeb-eval run record (no integer schema_version)");
    }
    if (version.intValue() != RunRecord.SCHEMA_VERSION) {
      throw new UserError(
          file
              + ": schema_version "
              + version.intValue()
              + " is not supported (this mmeb-eval reads version "
              + RunRecord.SCHEMA_VERSION
              + "); use the mmeb-eval version that wrote it");
    }
  }

  private static String firstLine(String message) {
    int newline = message == null ? -1 : message.indexOf('\n');
    return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
  }
}
