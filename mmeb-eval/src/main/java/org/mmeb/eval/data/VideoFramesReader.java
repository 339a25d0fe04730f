package org.mmeb.eval.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.data.parquet.ParquetRow;
import org.mmeb.eval.data.parquet.ParquetTable;
import org.mmeb.eval.task.TaskSpec;

/**
 * Video tasks whose frames were extracted to {@code <source.images>/<video id>/} (the layout of
 * MMEB-V2's {@code video-tasks/frames/}): each video is the {@code frames} (default 8) frames that
 * {@link FrameSampler} picks from its .jpg/.jpeg/.png files in natural order. The rows per parser
 * are built by {@link VideoRows}.
 */
public final class VideoFramesReader implements TaskReader {
  private static final List<String> FRAME_EXTENSIONS = List.of(".jpg", ".jpeg", ".png");

  @Override
  public TaskData read(TaskSpec spec, Path dataRoot) throws IOException {
    VideoRows.Parser parser = VideoRows.parser(spec);
    Path table = DataLocations.tableFile(spec, dataRoot);
    Path frameRoot = DataLocations.imageLocation(spec, dataRoot);
    if (!Files.isDirectory(frameRoot)) {
      throw new UserError(spec.name() + ": " + frameRoot + " is not a folder of frame folders");
    }
    int frames = spec.frames() == null ? 8 : spec.frames();
    VideoRows rows =
        new VideoRows(spec, (row, videoId) -> sampledFrames(row, frameRoot, videoId, frames));
    List<QueryRow> read = new ArrayList<>();
    ParquetTable.forEachRow(table, parser.columns(), row -> read.add(parser.build(rows, row)));
    return TaskReaders.assemble(spec, read, new FolderImageStore(frameRoot));
  }

  /** Frame paths relative to the frame root, sampled as the reference does. */
  static List<String> sampledFrames(ParquetRow row, Path frameRoot, String videoId, int frames) {
    Path folder = frameRoot.resolve(videoId);
    if (!Files.isDirectory(folder)) {
      throw row.error("no frame folder " + folder);
    }
    List<String> names;
    try (Stream<Path> files = Files.list(folder)) {
      names =
          files
              .map(p -> p.getFileName().toString())
              .filter(VideoFramesReader::isFrame)
              .sorted(NaturalOrder.INSTANCE)
              .toList();
    } catch (IOException e) {
      throw row.error("cannot list " + folder + ": " + e.getMessage());
    }
    if (names.isEmpty()) {
      throw row.error("no .jpg/.jpeg/.png frames in " + folder);
    }
    return FrameSampler.sample(names, frames).stream().map(n -> videoId + "/" + n).toList();
  }

  private static boolean isFrame(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return FRAME_EXTENSIONS.stream().anyMatch(lower::endsWith);
  }
}
