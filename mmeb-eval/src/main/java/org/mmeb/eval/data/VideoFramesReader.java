package org.mmeb.eval.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.DataLocations.TableSource;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.data.table.TableFiles;
import org.mmeb.eval.data.table.TableRow;
import org.mmeb.eval.task.EvalType;
import org.mmeb.eval.task.TaskSpec;

/**
 * Video tasks whose frames were extracted to {@code <source.images>/<video id>/} (the layout of
 * MMEB-V2's {@code video-tasks/frames/}): each video is the {@code frames} (default 8) frames that
 * {@link FrameSampler} picks from its .jpg/.jpeg/.png files in natural order ({@link
 * FrameFolders}). The rows per parser are built by {@link VideoRows}, from every table the task
 * reads ({@link DataLocations#tables}) one after another, cut to {@code num_sample_per_subset} rows
 * as the reference's {@code sample_dataset} does; a row's index counts across the tables.
 */
public final class VideoFramesReader implements TaskReader {
  private static final String SUBSET = "subset";

  @Override
  public TaskData read(TaskSpec spec, Path dataRoot, PromptProfile profile) throws IOException {
    VideoRows.Parser parser = VideoRows.parser(spec);
    List<TableSource> tables = DataLocations.tables(spec, dataRoot);
    Path frameRoot = frameRoot(spec, dataRoot);
    int frames = spec.frames() == null ? 8 : spec.frames();
    VideoRows rows = new VideoRows(spec, new FrameFolders(frameRoot, frames), profile);
    List<QueryRow> read = new ArrayList<>();
    for (TableSource table : tables) {
      readTable(table, parser, rows, spec.source().numSamplePerSubset(), read);
    }
    return assemble(spec, read, new FolderImageStore(frameRoot));
  }

  private static Path frameRoot(TaskSpec spec, Path dataRoot) {
    Path frameRoot = DataLocations.imageLocation(spec, dataRoot);
    if (!Files.isDirectory(frameRoot)) {
      throw new UserError(spec.name() + ": " + frameRoot + " is not a folder of frame folders");
    }
    return frameRoot;
  }

  /** Adds the table's rows, numbered on from {@code read}, until {@code limit} rows are read. */
  private static void readTable(
      TableSource table,
      VideoRows.Parser parser,
      VideoRows rows,
      Integer limit,
      List<QueryRow> read)
      throws IOException {
    TableFiles.forEachRow(
        table.file(),
        columns(table, parser),
        row -> {
          if (limit == null || read.size() < limit) {
            read.add(numbered(parser.build(rows, tagged(table, row)), read.size()));
          }
        });
  }

  private static TableRow tagged(TableSource table, TableRow row) {
    return table.subset() == null ? row : new SubsetRow(row, table.subset());
  }

  /** The row with its index across all the task's tables. */
  private static QueryRow numbered(QueryRow built, int index) {
    return new QueryRow(index, built.query(), built.candidates(), built.relevance());
  }

  /** The parser's columns; a table of one config gets its {@code subset} from the config. */
  private static List<String> columns(TableSource table, VideoRows.Parser parser) {
    return table.subset() == null
        ? parser.columns()
        : parser.columns().stream().filter(c -> !c.equals(SUBSET)).toList();
  }

  private static TaskData assemble(TaskSpec spec, List<QueryRow> read, FolderImageStore images) {
    return VideoLabelLists.of(spec)
        .filter(labels -> spec.evalType() == EvalType.GLOBAL)
        .map(labels -> withLabelList(spec, read, labels, images))
        .orElseGet(() -> TaskReaders.assemble(spec, read, images));
  }

  /** Every label is a candidate, in the list's order; a row's label must be one of them. */
  private static TaskData withLabelList(
      TaskSpec spec, List<QueryRow> rows, List<String> labels, FolderImageStore images) {
    Set<String> known = Set.copyOf(labels);
    List<QueryRow> globalRows = new ArrayList<>(rows.size());
    for (QueryRow row : rows) {
      requireKnownLabels(spec, row, known, labels.size());
      globalRows.add(new QueryRow(row.row(), row.query(), List.of(), row.relevance()));
    }
    List<Item> candidates = labels.stream().map(label -> Item.textOnly(label, label)).toList();
    return new TaskData(spec, globalRows, candidates, images);
  }

  private static void requireKnownLabels(
      TaskSpec spec, QueryRow row, Set<String> known, int labelCount) {
    for (String label : row.relevance().keySet()) {
      if (!known.contains(label)) {
        throw new UserError(
            String.format(
                Locale.ROOT,
                "%s row %d: label '%s' is not among the task's %d labels",
                spec.name(),
                row.row(),
                label,
                labelCount));
      }
    }
  }

  /** A row with the config it came from as its {@code subset} column. */
  private record SubsetRow(TableRow tagged, String subset) implements TableRow {
    @Override
    public int row() {
      return tagged.row();
    }

    @Override
    public Path file() {
      return tagged.file();
    }

    @Override
    public String stringOrNull(String column) {
      return column.equals(SUBSET) ? subset : tagged.stringOrNull(column);
    }

    @Override
    public List<String> stringList(String column) {
      return tagged.stringList(column);
    }

    @Override
    public String id(String column) {
      return column.equals(SUBSET) ? subset : tagged.id(column);
    }

    @Override
    public double number(String column) {
      return tagged.number(column);
    }

    @Override
    public List<String> structListField(String column, String field) {
      return tagged.structListField(column, field);
    }
  }
}
