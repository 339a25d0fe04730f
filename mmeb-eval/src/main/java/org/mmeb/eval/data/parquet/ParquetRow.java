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
    Group list = list(column, type, "a list of strings");
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
    Group list = list(column, type, expected);
    int count = list.getFieldRepetitionCount(0);
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Group struct = structOf(list, i);
      if (struct == null || !struct.getType().containsField(field)) {
        throw error(column, "expected " + expected + ", found " + describe(type));
      }
      values.add(stringField(column, struct, field, i));
    }
    return values;
  }

  /** The LIST group of a list column; a null value or a primitive column is an error. */
  private Group list(String column, Type type, String expected) {
    if (type.isPrimitive() || group.getFieldRepetitionCount(column) == 0) {
      throw error(
          column,
          "expected " + expected + ", found " + (type.isPrimitive() ? describe(type) : "null"));
    }
    return group.getGroup(column, 0);
  }

  /** The string {@code field} of list element {@code i}, a struct; null is an error. */
  private String stringField(String column, Group struct, String field, int i) {
    requireString(column, struct.getType().getType(field));
    if (struct.getFieldRepetitionCount(field) == 0) {
      throw error(column, "list element " + i + " has a null '" + field + "'");
    }
    return struct.getString(field, 0);
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
    String expected = "a string or integer id";
    return switch (primitive(column, "an id", expected)) {
      case INT32 -> Integer.toString(group.getInteger(column, 0));
      case INT64 -> Long.toString(group.getLong(column, 0));
      case BINARY -> group.getString(column, 0);
      default -> throw wrongType(column, expected);
    };
  }

  /** A number of any numeric physical type, as a double. */
  public double number(String column) {
    return switch (primitive(column, "a number", "a number")) {
      case INT32 -> group.getInteger(column, 0);
      case INT64 -> group.getLong(column, 0);
      case FLOAT -> group.getFloat(column, 0);
      case DOUBLE -> group.getDouble(column, 0);
      default -> throw wrongType(column, "a number");
    };
  }

  /**
   * The physical type of a primitive column's value; a null value ("expected {@code expected},
   * found null") or a group column ("expected {@code expectedType}, found ...") is an error.
   */
  private PrimitiveTypeName primitive(String column, String expected, String expectedType) {
    Type type = group.getType().getType(column);
    if (group.getFieldRepetitionCount(column) == 0) {
      throw error(column, "expected " + expected + ", found null");
    }
    if (!type.isPrimitive()) {
      throw wrongType(column, expectedType);
    }
    return type.asPrimitiveType().getPrimitiveTypeName();
  }

  private UserError wrongType(String column, String expected) {
    return error(
        column, "expected " + expected + ", found " + describe(group.getType().getType(column)));
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
    ImageCell cell = imageStruct(group.getGroup(column, 0));
    if (cell.bytes() == null && (cell.path() == null || cell.path().isEmpty())) {
      throw error(column, "image has neither bytes nor a path");
    }
    return cell;
  }

  /** The {@code bytes} and {@code path} of an Image struct, each null when absent or null. */
  private static ImageCell imageStruct(Group struct) {
    GroupType structType = struct.getType();
    byte[] bytes = null;
    String path = null;
    if (structType.containsField("bytes") && struct.getFieldRepetitionCount("bytes") > 0) {
      bytes = struct.getBinary("bytes", 0).getBytes();
    }
    if (structType.containsField("path") && struct.getFieldRepetitionCount("path") > 0) {
      path = struct.getString("path", 0);
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
