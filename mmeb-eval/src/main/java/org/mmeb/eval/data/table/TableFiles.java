package org.mmeb.eval.data.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.parquet.ParquetTable;

/**
 * Reads the rows of a data table in file order, by its extension: {@code .parquet}, {@code .jsonl}
 * (one object per line), or {@code .json} (an array of objects, or objects one after another, as
 * the hub's {@code json} builder accepts both).
 */
public final class TableFiles {
  public static final List<String> EXTENSIONS = List.of(".parquet", ".jsonl", ".json");

  private TableFiles() {}

  /** Whether the file is a table this class reads. */
  public static boolean isTable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  /** Calls {@code onRow} for each row; the named columns must be there. */
  public static void forEachRow(Path file, List<String> columns, Consumer<TableRow> onRow)
      throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      ParquetTable.forEachRow(file, columns, row -> onRow.accept(new ParquetTableRow(row)));
    } else if (name.endsWith(".json") || name.endsWith(".jsonl")) {
      forEachJsonRow(file, columns, onRow);
    } else {
      throw new UserError(file + ": not a table file (expected " + EXTENSIONS + ")");
    }
  }

  private static void forEachJsonRow(Path file, List<String> columns, Consumer<TableRow> onRow)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": file not found");
    }
    int row = 0;
    try (MappingIterator<JsonNode> values =
        Json.PLAIN.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (values.hasNextValue()) {
        row = emitValue(file, row, values.nextValue(), columns, onRow);
      }
    } catch (JsonProcessingException e) {
      throw invalidJson(file, row, e);
    }
  }

  /** Emits a top-level value: one object, or an array of them. Returns the next row number. */
  private static int emitValue(
      Path file, int row, JsonNode value, List<String> columns, Consumer<TableRow> onRow) {
    if (!value.isArray()) {
      emit(file, row, value, columns, onRow);
      return row + 1;
    }
    int next = row;
    for (JsonNode element : value) {
      emit(file, next++, element, columns, onRow);
    }
    return next;
  }

  private static UserError invalidJson(Path file, int row, JsonProcessingException e) {
    return new UserError(
        file
            + ": not valid JSON at row "
            + row
            + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")
            + ": "
            + e.getOriginalMessage(),
        e);
  }

  private static void emit(
      Path file, int row, JsonNode value, List<String> columns, Consumer<TableRow> onRow) {
    JsonTableRow current = new JsonTableRow(file, row, value);
    if (!value.isObject()) {
      throw current.error("expected a JSON object, found " + value.getNodeType());
    }
    for (String column : columns) {
      if (!value.has(column)) {
        List<String> found = new ArrayList<>();
        value.fieldNames().forEachRemaining(found::add);
        throw current.error(column, "missing column (found: " + found + ")");
      }
    }
    onRow.accept(current);
  }
}
