package org.mmeb.eval.report.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;

/** A reference file's JSON tree; a file that is not JSON is bad input naming the file. */
final class ReferenceJson {
  private ReferenceJson() {}

  static JsonNode read(Path file) {
    try {
      return Json.PLAIN.readTree(file.toFile());
    } catch (IOException e) {
      throw new UserError(file + ": not readable as JSON: " + e.getMessage(), e);
    }
  }
}
