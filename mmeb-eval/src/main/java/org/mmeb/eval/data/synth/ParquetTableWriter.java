package org.mmeb.eval.data.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.mmeb.eval.data.parquet.PageCodecs;

/**
 * Writes parquet files shaped as Hugging Face / pyarrow writes them: Snappy pages, strings as
 * optional UTF-8 binaries, {@code list<string>} as the 3-level LIST ({@code list.element}), images
 * as the {@code {bytes, path}} struct, ids and scores as int64. Used by {@code data synth} and by
 * tests that need bad files.
 */
public final class ParquetTableWriter {
  private final Types.MessageTypeBuilder schema = Types.buildMessage();
  private CompressionCodecName codec = CompressionCodecName.SNAPPY;

  /** The page codec; Snappy by default, as pyarrow and the hub's files. */
  public ParquetTableWriter codec(CompressionCodecName codec) {
    this.codec = codec;
    return this;
  }

  public ParquetTableWriter string(String name) {
    schema.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
    return this;
  }

  public ParquetTableWriter stringList(String name) {
    schema
        .optionalGroup()
        .as(LogicalTypeAnnotation.listType())
        .repeatedGroup()
        .optional(PrimitiveTypeName.BINARY)
        .as(LogicalTypeAnnotation.stringType())
        .named("element")
        .named("list")
        .named(name);
    return this;
  }

  public ParquetTableWriter int64(String name) {
    schema.optional(PrimitiveTypeName.INT64).named(name);
    return this;
  }

  public ParquetTableWriter image(String name) {
    schema
        .optionalGroup()
        .optional(PrimitiveTypeName.BINARY)
        .named("bytes")
        .optional(PrimitiveTypeName.BINARY)
        .as(LogicalTypeAnnotation.stringType())
        .named("path")
        .named(name);
    return this;
  }

  /**
   * Writes the rows; each maps a column to a String, a List of String, a Long, or a byte[] (an
   * image's bytes). A missing key writes null.
   */
  public void write(Path file, List<Map<String, Object>> rows) throws IOException {
    MessageType type = schema.named("schema");
    Files.createDirectories(file.toAbsolutePath().getParent());
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(type)
            .withCodecFactory(new PageCodecs())
            .withCompressionCodec(codec)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build()) {
      for (Map<String, Object> row : rows) {
        writer.write(toGroup(groups.newGroup(), type, row));
      }
    }
    ParquetFooterOrder.canonicalize(file);
  }

  private static Group toGroup(Group group, MessageType type, Map<String, Object> row) {
    for (Type field : type.getFields()) {
      Object value = row.get(field.getName());
      if (value != null) {
        append(group, field.getName(), value);
      }
    }
    return group;
  }

  /** A string, a long, image bytes (an Image struct) or a list of strings. */
  private static void append(Group group, String name, Object value) {
    if (value instanceof String s) {
      group.append(name, s);
    } else if (value instanceof Long l) {
      group.append(name, l);
    } else if (value instanceof byte[] bytes) {
      group.addGroup(name).append("bytes", Binary.fromConstantByteArray(bytes));
    } else if (value instanceof List<?> list) {
      Group listGroup = group.addGroup(name);
      list.forEach(element -> listGroup.addGroup("list").append("element", (String) element));
    } else {
      throw new IllegalArgumentException("unsupported value for " + name);
    }
  }
}
