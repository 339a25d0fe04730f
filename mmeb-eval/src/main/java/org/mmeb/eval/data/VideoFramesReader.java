package org.mmeb.eval.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.data.parquet.ParquetTable;
import org.mmeb.eval.task.TaskSpec;

/**
 * Video tasks whose frames were extracted to {@code <source.images>/<video id>/} (the layout of
 * MMEB-V2's {@code video-tasks/frames/}): each video is the {@code frames} (default 8) frames that
 * {@link FrameSampler} picks from its .jpg/.jpeg/.png files in natural order ({@link
 * FrameFolders}). The rows per parser are built by {@link VideoRows}.
 */
public final class VideoFramesReader implements TaskReader {
  @Override
  public TaskData read(TaskSpec spec, Path dataRoot) throws IOException {
    VideoRows.Parser parser = VideoRows.parser(spec);
    Path table = DataLocations.tableFile(spec, dataRoot);
    Path frameRoot = DataLocations.imageLocation(spec, dataRoot);
    if (!Files.isDirectory(frameRoot)) {
      throw new UserError(spec.name() + ": " + frameRoot + " is not a folder of frame folders");
    }
    int frames = spec.frames() == null ? 8 : spec.frames();
    VideoRows rows = new VideoRows(spec, new FrameFolders(frameRoot, frames));
    List<QueryRow> read = new ArrayList<>();
    ParquetTable.forEachRow(table, parser.columns(), row -> read.add(parser.build(rows, row)));
    return TaskReaders.assemble(spec, read, new FolderImageStore(frameRoot));
  }
}
