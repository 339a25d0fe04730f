package org.mmeb.eval.data.table;

import java.nio.file.Path;
import java.util.List;
import org.mmeb.eval.data.parquet.ParquetRow;

/** A parquet row seen as a {@link TableRow}. */
record ParquetTableRow(ParquetRow parquet) implements TableRow {
  @Override
  public int row() {
    return parquet.row();
  }

  @Override
  public Path file() {
    return parquet.file();
  }

  @Override
  public String stringOrNull(String column) {
    return parquet.stringOrNull(column);
  }

  @Override
  public List<String> stringList(String column) {
    return parquet.stringList(column);
  }

  @Override
  public List<String> structListField(String column, String field) {
    return parquet.structListField(column, field);
  }

  @Override
  public String id(String column) {
    return parquet.id(column);
  }

  @Override
  public double number(String column) {
    return parquet.number(column);
  }
}
