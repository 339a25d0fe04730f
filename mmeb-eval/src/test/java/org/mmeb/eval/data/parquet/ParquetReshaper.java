package org.mmeb.eval.data.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Copies a Parquet file into shapes DuckDB does not write, with parquet-java's low-level writer:
 * lists as older pyarrow wrote them ({@code list/item}), as the legacy 2-level form ({@code
 * repeated binary array}), every top-level column optional, and data pages v2.
 */
public final class ParquetReshaper {
  /** The shape of the copy. */
  public enum Shape {
    /** {@code optional group x (LIST) { repeated group list { optional binary item } }}. */
    LIST_ITEM,
    /** {@code optional group x (LIST) { repeated binary array }}. */
    TWO_LEVEL_ARRAY,
    /** Every top-level column {@code optional} (nullable), whatever the source said. */
    ALL_OPTIONAL,
    /** The same schema in zstd data pages v2 (DuckDB writes v1 page headers only). */
    DATA_PAGE_V2
  }

  private ParquetReshaper() {}

  public static void copy(Path from, Path to, Shape shape) throws IOException {
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(new PageCodecs())
            .build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(from), options)) {
      MessageType source = reader.getFooter().getFileMetaData().getSchema();
      MessageType target = reshape(source, shape);
      try (ParquetWriter<Group> writer =
          ExampleParquetWriter.builder(new LocalOutputFile(to))
              .withConf(new PlainParquetConfiguration())
              .withCodecFactory(new PageCodecs())
              .withCompressionCodec(
                  shape == Shape.DATA_PAGE_V2
                      ? CompressionCodecName.ZSTD
                      : CompressionCodecName.SNAPPY)
              .withWriterVersion(
                  shape == Shape.DATA_PAGE_V2
                      ? ParquetProperties.WriterVersion.PARQUET_2_0
                      : ParquetProperties.WriterVersion.PARQUET_1_0)
              .withType(target)
              .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
              .build()) {
        for (PageReadStore pages = reader.readNextRowGroup();
            pages != null;
            pages = reader.readNextRowGroup()) {
          RecordReader<Group> records =
              new ColumnIOFactory()
                  .getColumnIO(source)
                  .getRecordReader(pages, new GroupRecordConverter(source));
          for (long i = 0; i < pages.getRowCount(); i++) {
            Group row = new SimpleGroup(target);
            copyFields(records.read(), row);
            writer.write(row);
          }
        }
      }
    }
  }

  private static MessageType reshape(MessageType source, Shape shape) {
    List<Type> fields = new ArrayList<>();
    for (Type field : source.getFields()) {
      Type reshaped = isList(field) ? reshapeList(field.asGroupType(), shape) : field;
      if (shape == Shape.ALL_OPTIONAL) {
        reshaped =
            reshaped.getRepetition() == Type.Repetition.REQUIRED
                ? retype(reshaped, Type.Repetition.OPTIONAL)
                : reshaped;
      }
      fields.add(reshaped);
    }
    return new MessageType(source.getName(), fields);
  }

  private static Type retype(Type type, Type.Repetition repetition) {
    return build(type, repetition, type.getName());
  }

  private static Type rename(Type type, String name) {
    return build(type, type.getRepetition(), name);
  }

  private static Type build(Type type, Type.Repetition repetition, String name) {
    if (type.isPrimitive()) {
      PrimitiveType p = type.asPrimitiveType();
      return Types.primitive(p.getPrimitiveTypeName(), repetition)
          .as(p.getLogicalTypeAnnotation())
          .named(name);
    }
    return group(repetition, type.getLogicalTypeAnnotation(), type.asGroupType().getFields(), name);
  }

  private static Type group(
      Type.Repetition repetition,
      LogicalTypeAnnotation annotation,
      List<Type> fields,
      String name) {
    return Types.buildGroup(repetition)
        .as(annotation)
        .addFields(fields.toArray(new Type[0]))
        .named(name);
  }

  private static boolean isList(Type field) {
    return !field.isPrimitive()
        && field.getLogicalTypeAnnotation()
            instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
        && field.asGroupType().getFieldCount() == 1
        && !field.asGroupType().getType(0).isPrimitive();
  }

  private static Type reshapeList(GroupType list, Shape shape) {
    Type element = list.getType(0).asGroupType().getType(0);
    Type repeated =
        switch (shape) {
          case LIST_ITEM ->
              group(Type.Repetition.REPEATED, null, List.of(rename(element, "item")), "list");
          case TWO_LEVEL_ARRAY -> retype(rename(element, "array"), Type.Repetition.REPEATED);
          case ALL_OPTIONAL, DATA_PAGE_V2 -> list.getType(0);
        };
    return group(
        list.getRepetition(), LogicalTypeAnnotation.listType(), List.of(repeated), list.getName());
  }

  /** Copies by position: the target has the same fields as the source, lists reshaped. */
  private static void copyFields(Group from, Group to) {
    GroupType type = from.getType();
    for (int f = 0; f < type.getFieldCount(); f++) {
      for (int i = 0; i < from.getFieldRepetitionCount(f); i++) {
        Type field = type.getType(f);
        Type targetField = to.getType().getType(f);
        if (isList(field)) {
          copyList(from.getGroup(f, i), to.addGroup(f), targetField.asGroupType());
        } else if (field.isPrimitive()) {
          copyValue(from, f, i, to, f);
        } else {
          copyFields(from.getGroup(f, i), to.addGroup(f));
        }
      }
    }
  }

  private static void copyList(Group from, Group to, GroupType targetList) {
    boolean twoLevel = targetList.getType(0).isPrimitive();
    for (int i = 0; i < from.getFieldRepetitionCount(0); i++) {
      Group element = from.getGroup(0, i);
      if (element.getFieldRepetitionCount(0) == 0) {
        if (twoLevel) {
          throw new IllegalArgumentException("a 2-level list cannot hold a null element");
        }
        to.addGroup(0);
      } else if (twoLevel) {
        copyValue(element, 0, 0, to, 0);
      } else {
        copyValue(element, 0, 0, to.addGroup(0), 0);
      }
    }
  }

  private static void copyValue(Group from, int field, int index, Group to, int targetField) {
    switch (from.getType().getType(field).asPrimitiveType().getPrimitiveTypeName()) {
      case BINARY, FIXED_LEN_BYTE_ARRAY -> to.add(targetField, from.getBinary(field, index));
      case INT64 -> to.add(targetField, from.getLong(field, index));
      case INT32 -> to.add(targetField, from.getInteger(field, index));
      case DOUBLE -> to.add(targetField, from.getDouble(field, index));
      case FLOAT -> to.add(targetField, from.getFloat(field, index));
      case BOOLEAN -> to.add(targetField, from.getBoolean(field, index));
      default -> throw new IllegalArgumentException("unsupported type " + from.getType());
    }
  }
}
