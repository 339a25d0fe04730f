package org.mmeb.eval.data.table;

import java.nio.file.Path;
import java.util.List;
import org.mmeb.eval.UserError;

/**
 * One row of a data table, whatever file format it came from (Parquet, JSON, JSON Lines), with
 * typed accessors. A value of the wrong type or a missing value is a {@link UserError} naming the
 * file, the 0-based row and the column.
 */
public interface TableRow {
  /** The 0-based row index within its file. */
  int row();

  Path file();

  /** "file row N column C: message", the one-line form of every data error. */
  default UserError error(String column, String message) {
    return new UserError(file() + " row " + row() + " column '" + column + "': " + message);
  }

  default UserError error(String message) {
    return new UserError(file() + " row " + row() + ": " + message);
  }

  /** A string value; a missing (null) value fails. */
  default String string(String column) {
    String value = stringOrNull(column);
    if (value == null) {
      throw error(column, "expected a string, found null");
    }
    return value;
  }

  /** A string value, or null when the value is missing. */
  String stringOrNull(String column);

  /** A list of strings; null elements fail. */
  List<String> stringList(String column);

  /** An identifier: a string, or an integer written in decimal. */
  String id(String column);

  /** The string field {@code field} of every struct in a list of structs (objects). */
  List<String> structListField(String column, String field);

  /** A number, as a double. */
  double number(String column);
}
