package org.mmeb.eval.data.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.mmeb.eval.UserError;

/**
 * Streams the rows of one local parquet file in file order, reading only the named columns, through
 * {@link LocalInputFile} (no Hadoop file system) and {@link PageCodecs} (no Hadoop codecs). A
 * missing column is a {@link UserError} naming the file and the columns it has.
 */
public final class ParquetTable {
  private ParquetTable() {}

  /** Calls {@code onRow} for each row; row indexes are 0-based over the whole file. */
  public static void forEachRow(Path file, List<String> columns, Consumer<ParquetRow> onRow)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": file not found");
    }
    try (ParquetFileReader reader = open(file)) {
      readRows(file, reader, columns, onRow);
    } catch (RowFailure e) {
      throw e.cause;
    } catch (UserError e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw unreadable(file, e);
    } catch (OutOfMemoryError e) {
      // parquet-java allocates what a page header claims before reading it: one failed array,
      // the heap is intact, and the file (or a heap too small for it) is the cause
      throw new UserError(
          file
              + ": not a readable parquet file: a size in it asks for more memory than the heap"
              + " has (a corrupt file, or give Java more with MMEB_EVAL_JAVA_OPTS=-Xmx...)",
          e);
    }
  }

  private static void readRows(
      Path file, ParquetFileReader reader, List<String> columns, Consumer<ParquetRow> onRow)
      throws IOException {
    MessageType projection = requestColumns(file, reader, columns);
    MessageColumnIO columnIo = new ColumnIOFactory().getColumnIO(projection);
    int row = 0;
    for (PageReadStore pages = reader.readNextRowGroup();
        pages != null;
        pages = reader.readNextRowGroup()) {
      RecordReader<Group> records =
          columnIo.getRecordReader(pages, new GroupRecordConverter(projection));
      row = deliverRows(file, row, pages.getRowCount(), records, onRow);
    }
  }

  /** Reads only {@code columns} (each must be there). */
  private static MessageType requestColumns(
      Path file, ParquetFileReader reader, List<String> columns) {
    MessageType projection =
        project(file, reader.getFooter().getFileMetaData().getSchema(), columns);
    reader.setRequestedSchema(projection);
    return projection;
  }

  /** Delivers a row group's rows, numbered from {@code firstRow}; returns the next number. */
  private static int deliverRows(
      Path file,
      int firstRow,
      long count,
      RecordReader<Group> records,
      Consumer<ParquetRow> onRow) {
    int row = firstRow;
    for (long i = 0; i < count; i++) {
      deliver(onRow, new ParquetRow(file, row++, records.read()));
    }
    return row;
  }

  /** A callback's exception is the caller's, not a sign of an unreadable file. */
  private static void deliver(Consumer<ParquetRow> onRow, ParquetRow row) {
    try {
      onRow.accept(row);
    } catch (RuntimeException e) {
      throw new RowFailure(e);
    }
  }

  /** Carries an exception thrown by the row callback past the "unreadable file" handler. */
  private static final class RowFailure extends RuntimeException {
    private final RuntimeException cause;

    RowFailure(RuntimeException cause) {
      super(cause);
      this.cause = cause;
    }
  }

  /** The number of rows, from the footer alone. */
  public static long rowCount(Path file) throws IOException {
    try (ParquetFileReader reader = open(file)) {
      return reader.getRecordCount();
    } catch (IOException | RuntimeException e) {
      throw unreadable(file, e);
    }
  }

  /** The top-level column names, in schema order. */
  public static List<String> columns(Path file) throws IOException {
    try (ParquetFileReader reader = open(file)) {
      return reader.getFooter().getFileMetaData().getSchema().getFields().stream()
          .map(Type::getName)
          .toList();
    } catch (IOException | RuntimeException e) {
      throw unreadable(file, e);
    }
  }

  private static UserError unreadable(Path file, Exception e) {
    return new UserError(file + ": not a readable parquet file: " + reason(e), e);
  }

  /** parquet-java's message, and the innermost cause's when it says more (a codec's reason). */
  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(e.getMessage());
    return root == e || root.getMessage() == null || message.contains(root.getMessage())
        ? message
        : message + " (" + root.getMessage() + ")";
  }

  private static ParquetFileReader open(Path file) throws IOException {
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(new PageCodecs())
            .build();
    return ParquetFileReader.open(new LocalInputFile(file), options);
  }

  private static MessageType project(Path file, MessageType schema, List<String> columns) {
    List<Type> fields = new ArrayList<>();
    for (String column : columns) {
      if (!schema.containsField(column)) {
        List<String> found = schema.getFields().stream().map(Type::getName).toList();
        throw new UserError(file + ": missing column '" + column + "' (found: " + found + ")");
      }
      fields.add(schema.getType(column));
    }
    return new MessageType(schema.getName(), fields);
  }
}
