package org.mmeb.eval.result;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mmeb.eval.UserError;

/**
 * Reads and writes {@code run.json}. Writing is atomic. Reading checks {@code schema_version}
 * before anything else and rejects versions this harness does not know, and unknown fields, with
 * one clear line.
 */
public final class RunRecordFile {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private RunRecordFile() {}

  public static void write(Path file, RunRecord record) throws IOException {
    AtomicFiles.writeString(file, MAPPER.writeValueAsString(record) + "\n");
  }

  public static RunRecord read(Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UserError(file + ": cannot read a run record: " + e.getMessage(), e);
    }
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
    RunRecord record;
    try {
      record = MAPPER.treeToValue(root, RunRecord.class);
    } catch (IOException e) {
      throw new UserError(file + ": invalid run record: " + firstLine(e.getMessage()), e);
    }
    RunRecordChecks.check(record, file.toString());
    return record;
  }

  private static String firstLine(String message) {
    int newline = message == null ? -1 : message.indexOf('\n');
    return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
  }
}
