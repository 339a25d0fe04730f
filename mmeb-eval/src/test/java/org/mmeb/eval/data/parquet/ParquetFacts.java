package org.mmeb.eval.data.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * What a Parquet file really holds (codecs, encodings, page versions, row groups, schema), so a
 * conformance test can check that a variant is the variant it claims to be.
 */
public record ParquetFacts(
    Set<CompressionCodecName> codecs,
    Set<Encoding> encodings,
    boolean dictionaryPages,
    boolean dataPagesV2,
    int rowGroups,
    Set<Type.Repetition> topLevelRepetitions,
    MessageType schema) {

  public static ParquetFacts of(Path file) throws IOException {
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(new PageCodecs())
            .build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
      Set<CompressionCodecName> codecs = EnumSet.noneOf(CompressionCodecName.class);
      Set<Encoding> encodings = EnumSet.noneOf(Encoding.class);
      boolean dictionary = false;
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
          codecs.add(chunk.getCodec());
          encodings.addAll(chunk.getEncodings());
          dictionary |= chunk.hasDictionaryPage();
        }
      }
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      Set<Type.Repetition> repetitions = new HashSet<>();
      schema.getFields().forEach(f -> repetitions.add(f.getRepetition()));
      boolean v2 = false;
      for (PageReadStore pages = reader.readNextRowGroup();
          pages != null;
          pages = reader.readNextRowGroup()) {
        for (ColumnDescriptor column : schema.getColumns()) {
          PageReader pageReader = pages.getPageReader(column);
          for (DataPage page = pageReader.readPage(); page != null; page = pageReader.readPage()) {
            v2 |= page instanceof DataPageV2;
          }
        }
      }
      return new ParquetFacts(
          codecs,
          encodings,
          dictionary,
          v2,
          reader.getFooter().getBlocks().size(),
          repetitions,
          schema);
    }
  }
}
