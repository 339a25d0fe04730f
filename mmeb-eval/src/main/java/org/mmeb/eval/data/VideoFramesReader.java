package org.mmeb.eval.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.data.parquet.ParquetRow;
import org.mmeb.eval.data.parquet.ParquetTable;
import org.mmeb.eval.task.TaskSpec;

/**
 * Video tasks whose frames were extracted to {@code <source.images>/<video_id>/} (the layout of
 * MMEB-V2's {@code video-tasks/frames/}): each video is the {@code frames} (default 8) frames that
 * {@link FrameSampler} picks from its .jpg/.jpeg/.png files in natural order. Parsers: {@code
 * video_classification} (columns video_id, pos_text: the video with the task's instruction ranks
 * the label texts) and {@code msrvtt} (video_id, caption: the caption ranks the videos).
 */
public final class VideoFramesReader implements TaskReader {
  static final String RETRIEVAL_QUERY = "Find a video that contains the following visual content:";
  static final String RETRIEVAL_TARGET = "Understand the content of the provided video.";
  private static final List<String> FRAME_EXTENSIONS = List.of(".jpg", ".jpeg", ".png");

  @Override
  public TaskData read(TaskSpec spec, Path dataRoot) throws IOException {
    Path table = DataLocations.tableFile(spec, dataRoot);
    Path frameRoot = DataLocations.imageLocation(spec, dataRoot);
    if (!Files.isDirectory(frameRoot)) {
      throw new UserError(spec.name() + ": " + frameRoot + " is not a folder of frame folders");
    }
    int frames = spec.frames() == null ? 8 : spec.frames();
    List<QueryRow> rows = new ArrayList<>();
    switch (spec.parser() == null ? "" : spec.parser()) {
      case "video_classification" ->
          ParquetTable.forEachRow(
              table,
              List.of("video_id", "pos_text"),
              row -> rows.add(classificationRow(spec, row, frameRoot, frames)));
      case "msrvtt" ->
          ParquetTable.forEachRow(
              table,
              List.of("video_id", "caption"),
              row -> rows.add(retrievalRow(row, frameRoot, frames)));
      default ->
          throw new UserError(
              spec.name()
                  + ": video parser '"
                  + spec.parser()
                  + "' is not supported yet (video_classification, msrvtt)");
    }
    return TaskReaders.assemble(spec, rows, new FolderImageStore(frameRoot));
  }

  private static QueryRow classificationRow(
      TaskSpec spec, ParquetRow row, Path frameRoot, int frames) {
    List<String> video = sampledFrames(row, frameRoot, row.id("video_id"), frames);
    String instruction = spec.queryInstruction() == null ? "" : spec.queryInstruction();
    String text = instruction.replace("<video_token>", PromptTokens.VIDEO);
    String label = row.string("pos_text");
    Item candidate = Item.textOnly(label, label);
    return new QueryRow(
        row.row(), ItemKeys.byContent(text, video), List.of(candidate), Map.of(label, 1.0));
  }

  private static QueryRow retrievalRow(ParquetRow row, Path frameRoot, int frames) {
    String videoId = row.id("video_id");
    List<String> video = sampledFrames(row, frameRoot, videoId, frames);
    String query = V2ImagePrompts.processInputText(RETRIEVAL_QUERY, row.string("caption"), false);
    String target = PromptTokens.VIDEO + " " + RETRIEVAL_TARGET;
    Item candidate = new Item(videoId, target, video);
    return new QueryRow(
        row.row(), ItemKeys.byContent(query, ""), List.of(candidate), Map.of(videoId, 1.0));
  }

  /** Frame paths relative to the frame root, sampled as the reference does. */
  static List<String> sampledFrames(ParquetRow row, Path frameRoot, String videoId, int frames) {
    Path folder = frameRoot.resolve(videoId);
    if (!Files.isDirectory(folder)) {
      throw row.error("video_id", "no frame folder " + folder);
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
      throw row.error("video_id", "cannot list " + folder + ": " + e.getMessage());
    }
    if (names.isEmpty()) {
      throw row.error("video_id", "no .jpg/.jpeg/.png frames in " + folder);
    }
    return FrameSampler.sample(names, frames).stream().map(n -> videoId + "/" + n).toList();
  }

  private static boolean isFrame(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return FRAME_EXTENSIONS.stream().anyMatch(lower::endsWith);
  }
}
