package org.mmeb.eval.data.parquet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.mmeb.eval.UserError;

/**
 * One row of a parquet file with typed accessors. A value of the wrong type or a missing value is a
 * {@link UserError} naming the file, the 0-based row and the column.
 */
public final class ParquetRow {
  private final Path file;
  private final int row;
  private final Group group;

  ParquetRow(Path file, int row, Group group) {
    this.file = file;
    this.row = row;
    this.group = group;
  }

  public int row() {
    return row;
  }

  public Path file() {
    return file;
  }

  /** "file row N column C: message", the one-line form of every data error. */
  public UserError error(String column, String message) {
    return new UserError(file + " row " + row + " column '" + column + "': " + message);
  }

  public UserError error(String message) {
    return new UserError(file + " row " + row + ": " + message);
  }

  /** A string value; a missing (null) value fails. */
  public String string(String column) {
    String value = stringOrNull(column);
    if (value == null) {
      throw error(column, "expected a string, found null");
    }
    return value;
  }

  /** A string value, or null when the value is missing. */
  public String stringOrNull(String column) {
    Type type = group.getType().getType(column);
    requireString(column, type);
    return group.getFieldRepetitionCount(column) == 0 ? null : group.getString(column, 0);
  }

  /** A list&lt;string&gt; value (3-level or legacy 2-level LIST); null elements fail. */
  public List<String> stringList(String column) {
    Type type = group.getType().getType(column);
    if (type.isPrimitive() || group.getFieldRepetitionCount(column) == 0) {
      if (!type.isPrimitive()) {
        throw error(column, "expected a list of strings, found null");
      }
      throw error(column, "expected a list of strings, found " + describe(type));
    }
    Group list = group.getGroup(column, 0);
    GroupType listType = list.getType();
    if (listType.getFieldCount() != 1) {
      throw error(column, "expected a list of strings, found " + describe(type));
    }
    Type repeated = listType.getType(0);
    int count = list.getFieldRepetitionCount(0);
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(listElement(column, type, list, repeated, i));
    }
    return values;
  }

  /**
   * The string field {@code field} of every struct in a list&lt;struct&gt; value (3-level or legacy
   * 2-level LIST), e.g. MomentSeeker's {@code positive_frames[*].output_path}.
   */
  public List<String> structListField(String column, String field) {
    String expected = "a list of structs with a string '" + field + "'";
    Type type = group.getType().getType(column);
    if (type.isPrimitive() || group.getFieldRepetitionCount(column) == 0) {
      throw error(
          column,
          "expected " + expected + ", found " + (type.isPrimitive() ? describe(type) : "null"));
    }
    Group list = group.getGroup(column, 0);
    int count = list.getFieldRepetitionCount(0);
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Group struct = structOf(list, i);
      if (struct == null || !struct.getType().containsField(field)) {
        throw error(column, "expected " + expected + ", found " + describe(type));
      }
      requireString(column, struct.getType().getType(field));
      if (struct.getFieldRepetitionCount(field) == 0) {
        throw error(column, "list element " + i + " has a null '" + field + "'");
      }
      values.add(struct.getString(field, 0));
    }
    return values;
  }

  /**
   * Element {@code i} of a LIST: the repeated group itself (2-level) or its one child (3-level).
   */
  private static Group structOf(Group list, int i) {
    if (list.getType().getType(0).isPrimitive()) {
      return null;
    }
    Group repeated = list.getGroup(0, i);
    GroupType repeatedType = repeated.getType();
    boolean threeLevel =
        repeatedType.getFieldCount() == 1
            && !repeatedType.getType(0).isPrimitive()
            && repeated.getFieldRepetitionCount(0) > 0;
    return threeLevel ? repeated.getGroup(0, 0) : repeated;
  }

  /** An identifier: a string, or an integer written in decimal. */
  public String id(String column) {
    Type type = group.getType().getType(column);
    if (group.getFieldRepetitionCount(column) == 0) {
      throw error(column, "expected an id, found null");
    }
    if (type.isPrimitive()) {
      PrimitiveTypeName name = type.asPrimitiveType().getPrimitiveTypeName();
      switch (name) {
        case INT32:
          return Integer.toString(group.getInteger(column, 0));
        case INT64:
          return Long.toString(group.getLong(column, 0));
        case BINARY:
          return group.getString(column, 0);
        default:
          break;
      }
    }
    throw error(column, "expected a string or integer id, found " + describe(type));
  }

  /** A number of any numeric physical type, as a double. */
  public double number(String column) {
    Type type = group.getType().getType(column);
    if (group.getFieldRepetitionCount(column) == 0) {
      throw error(column, "expected a number, found null");
    }
    if (type.isPrimitive()) {
      switch (type.asPrimitiveType().getPrimitiveTypeName()) {
        case INT32:
          return group.getInteger(column, 0);
        case INT64:
          return group.getLong(column, 0);
        case FLOAT:
          return group.getFloat(column, 0);
        case DOUBLE:
          return group.getDouble(column, 0);
        default:
          break;
      }
    }
    throw error(column, "expected a number, found " + describe(type));
  }

  /**
   * A Hugging Face {@code Image} value: a struct of {@code bytes} (binary) and {@code path}
   * (string), either of which may be null; a plain binary column is read as bytes.
   */
  public ImageCell image(String column) {
    Type type = group.getType().getType(column);
    if (group.getFieldRepetitionCount(column) == 0) {
      throw error(column, "expected an image, found null");
    }
    if (type.isPrimitive()
        && type.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY) {
      return new ImageCell(group.getBinary(column, 0).getBytes(), null);
    }
    if (type.isPrimitive()) {
      throw error(column, "expected an image struct {bytes, path}, found " + describe(type));
    }
    Group struct = group.getGroup(column, 0);
    GroupType structType = struct.getType();
    byte[] bytes = null;
    String path = null;
    if (structType.containsField("bytes") && struct.getFieldRepetitionCount("bytes") > 0) {
      bytes = struct.getBinary("bytes", 0).getBytes();
    }
    if (structType.containsField("path") && struct.getFieldRepetitionCount("path") > 0) {
      path = struct.getString("path", 0);
    }
    if (bytes == null && (path == null || path.isEmpty())) {
      throw error(column, "image has neither bytes nor a path");
    }
    return new ImageCell(bytes, path);
  }

  /** An image value: encoded bytes, or a path when the bytes are not embedded. */
  public record ImageCell(byte[] bytes, String path) {}

  private String listElement(String column, Type listType, Group list, Type repeated, int i) {
    if (repeated.isPrimitive()) {
      requireString(column, repeated);
      return list.getString(0, i);
    }
    Group element = list.getGroup(0, i);
    GroupType elementType = element.getType();
    if (elementType.getFieldCount() != 1 || !elementType.getType(0).isPrimitive()) {
      throw error(column, "expected a list of strings, found " + describe(listType));
    }
    requireString(column, elementType.getType(0));
    if (element.getFieldRepetitionCount(0) == 0) {
      throw error(column, "list element " + i + " is null");
    }
    return element.getString(0, 0);
  }

  private void requireString(String column, Type type) {
    if (!type.isPrimitive()
        || type.asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY) {
      throw error(column, "expected a string, found " + describe(type));
    }
  }

  private static String describe(Type type) {
    if (type.isPrimitive()) {
      PrimitiveType primitive = type.asPrimitiveType();
      return primitive.getPrimitiveTypeName().name().toLowerCase(java.util.Locale.ROOT);
    }
    return type.getLogicalTypeAnnotation() != null
        ? type.getLogicalTypeAnnotation().toString().toLowerCase(java.util.Locale.ROOT)
        : "a struct";
  }
}
