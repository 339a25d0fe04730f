package org.mmeb.eval.data.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One object of a JSON or JSON Lines table (the hub's {@code json} builder reads both). */
record JsonTableRow(Path file, int row, JsonNode object) implements TableRow {
  @Override
  public String stringOrNull(String column) {
    JsonNode value = value(column);
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw error(column, "expected a string, found " + describe(value));
    }
    return value.textValue();
  }

  @Override
  public List<String> stringList(String column) {
    JsonNode list = array(column, "a list of strings");
    List<String> values = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode element = list.get(i);
      if (!element.isTextual()) {
        throw error(column, "list element " + i + " is " + describe(element) + ", not a string");
      }
      values.add(element.textValue());
    }
    return values;
  }

  @Override
  public List<String> structListField(String column, String field) {
    JsonNode list = array(column, "a list of objects");
    List<String> values = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode element = list.get(i).path(field);
      if (!element.isTextual()) {
        throw error(column, "list element " + i + " has no string '" + field + "'");
      }
      values.add(element.textValue());
    }
    return values;
  }

  /** The array in {@code column}, or an error saying what was expected there. */
  private JsonNode array(String column, String expected) {
    JsonNode value = value(column);
    if (!value.isArray()) {
      throw error(column, "expected " + expected + ", found " + describe(value));
    }
    return value;
  }

  @Override
  public String id(String column) {
    JsonNode value = value(column);
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Long.toString(value.longValue());
    }
    throw error(column, "expected a string or integer id, found " + describe(value));
  }

  @Override
  public double number(String column) {
    JsonNode value = value(column);
    if (!value.isNumber()) {
      throw error(column, "expected a number, found " + describe(value));
    }
    return value.doubleValue();
  }

  private JsonNode value(String column) {
    JsonNode value = object.get(column);
    if (value == null) {
      throw error(column, "missing column");
    }
    return value;
  }

  private static String describe(JsonNode value) {
    return value.isNull() ? "null" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
