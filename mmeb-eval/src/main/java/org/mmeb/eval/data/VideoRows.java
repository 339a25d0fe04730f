package org.mmeb.eval.data;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.table.TableRow;
import org.mmeb.eval.task.TaskSpec;

/**
 * Query rows of the video parsers, as src/data/eval_dataset/*.py build them. Classification ({@code
 * video_classification}, {@code ssv2}): the video with the task's instruction ranks label texts.
 * Retrieval ({@code msrvtt}, {@code msvd}, {@code vatex}, {@code didemo}): the instruction and a
 * caption rank videos, named by their id. The instruction is the task file's {@code
 * query_instruction} up to its placeholder ({@code "... content: <caption>"}).
 */
final class VideoRows {
  static final String RETRIEVAL_TARGET = "Understand the content of the provided video.";

  /** The columns a parser reads and how it turns a row into a query row. */
  record Parser(List<String> columns, BiFunction<VideoRows, TableRow, QueryRow> builder) {
    QueryRow build(VideoRows rows, TableRow row) {
      return builder.apply(rows, row);
    }
  }

  private final TaskSpec spec;
  private final FrameFolders frames;
  private final PromptProfile profile;
  private final VideoQaRows qa;
  private final MomentSeekerRows momentSeeker;

  VideoRows(TaskSpec spec, FrameFolders frames, PromptProfile profile) {
    this.spec = spec;
    this.frames = frames;
    this.profile = profile;
    this.qa = new VideoQaRows(frames, profile);
    this.momentSeeker = new MomentSeekerRows(frames, profile);
  }

  /** The parsers by the task's {@code parser} label. */
  private static final Map<String, Parser> PARSERS =
      Map.ofEntries(
          Map.entry(
              "video_classification",
              new Parser(List.of("video_id", "pos_text"), VideoRows::classification)),
          Map.entry(
              "ssv2", new Parser(List.of("video_id", "pos_text", "neg_text"), VideoRows::ssv2)),
          Map.entry(
              "msrvtt",
              new Parser(
                  List.of("video_id", "caption"),
                  (r, row) -> r.retrieval(row, row.id("video_id"), row.string("caption")))),
          Map.entry(
              "msvd",
              new Parser(
                  List.of("video_id", "caption"),
                  (r, row) -> r.retrieval(row, row.id("video_id"), first(row, "caption")))),
          Map.entry(
              "vatex",
              new Parser(
                  List.of("videoID", "enCap"),
                  (r, row) -> r.retrieval(row, row.id("videoID"), first(row, "enCap")))),
          Map.entry(
              "didemo",
              new Parser(
                  List.of("video", "caption"),
                  (r, row) ->
                      r.retrieval(row, baseName(row.string("video")), row.string("caption")))),
          Map.entry(
              "youcook2",
              new Parser(
                  List.of("id", "sentence"),
                  (r, row) -> r.retrieval(row, row.id("id"), row.string("sentence")))),
          Map.entry(
              "moment_retrieval", new Parser(List.of("query", "video_path"), VideoRows::moment)),
          Map.entry("nextqa", new Parser(VideoQaRows.NEXTQA, (r, row) -> r.qa.nextqa(row))),
          Map.entry(
              "egoschema", new Parser(VideoQaRows.EGOSCHEMA, (r, row) -> r.qa.egoschema(row))),
          Map.entry("videomme", new Parser(VideoQaRows.VIDEOMME, (r, row) -> r.qa.videomme(row))),
          Map.entry(
              "activitynetqa",
              new Parser(VideoQaRows.ACTIVITYNETQA, (r, row) -> r.qa.activitynetqa(row))),
          Map.entry("mvbench", new Parser(VideoQaRows.MVBENCH, (r, row) -> r.qa.mvbench(row))),
          Map.entry(
              "momentseeker",
              new Parser(MomentSeekerRows.COLUMNS, (r, row) -> r.momentSeeker.build(row))));

  static Parser parser(TaskSpec spec) {
    String parser = spec.parser() == null ? "" : spec.parser().label();
    Parser found = PARSERS.get(parser);
    if (found == null) {
      throw new UserError(
          spec.name()
              + ": video parser '"
              + parser
              + "' is not supported yet (video_classification, ssv2, msrvtt, msvd, vatex,"
              + " didemo, youcook2, moment_retrieval, nextqa, egoschema, videomme, activitynetqa,"
              + " mvbench, momentseeker)");
    }
    return found;
  }

  private QueryRow classification(TableRow row) {
    String label = row.string("pos_text");
    return new QueryRow(
        row.row(), videoQuery(row), List.of(Item.textOnly(label, label)), Map.of(label, 1.0));
  }

  /** SSv2 ranks its own candidate list ({@code neg_text}, which holds the positive too). */
  private QueryRow ssv2(TableRow row) {
    String label = row.string("pos_text");
    List<String> names = row.stringList("neg_text");
    if (!names.contains(label)) {
      throw row.error("neg_text", "the candidates do not include pos_text '" + label + "'");
    }
    List<Item> candidates = names.stream().map(name -> Item.textOnly(name, name)).toList();
    return new QueryRow(row.row(), videoQuery(row), candidates, Map.of(label, 1.0));
  }

  private Item videoQuery(TableRow row) {
    String instruction = spec.queryInstruction() == null ? "" : spec.queryInstruction();
    // the registry writes DATASET_INSTRUCTION as "<video_token> " + instruction
    String text =
        profile.processInputText(
            instruction.replaceFirst("^<video_token> ", ""), null, true, false);
    return ItemKeys.byContent(text, frames.sample(row, row.id("video_id")));
  }

  private QueryRow retrieval(TableRow row, String videoId, String caption) {
    String query = profile.processInputText(instruction(), caption, false, false);
    String target = profile.processInputText(RETRIEVAL_TARGET, null, true, false);
    Item video = new Item(videoId, target, frames.sample(row, videoId));
    return new QueryRow(
        row.row(), ItemKeys.byContent(query, ""), List.of(video), Map.of(videoId, 1.0));
  }

  /**
   * moment_retrieval: the video ({@code <name>/query}) and the scene's description rank the video's
   * clips (every other sub-folder, in natural order; the reference's os.listdir order only matters
   * for ties). The answer is the clip whose folder starts with "positive"; with several, the last
   * one in directory order, as the reference's loop over os.listdir keeps the last (Java's
   * Files.list and os.listdir both return the file system's readdir order). The query text is
   * process_input_text's: no space after the instruction when the description is empty.
   */
  private QueryRow moment(TableRow row) {
    String video = baseName(row.string("video_path"));
    String text = profile.processInputText(instruction(), row.string("query"), true, false);
    Item query = ItemKeys.byContent(text, frames.sample(row, video + "/query"));
    List<Item> clips = clips(row, video);
    return new QueryRow(row.row(), query, clips, Map.of(positiveClip(row, video), 1.0));
  }

  /** The video's clip folders in natural order, but its query folder. */
  private List<Item> clips(TableRow row, String video) {
    String target = profile.processInputText(RETRIEVAL_TARGET, null, true, false);
    List<Item> clips = new java.util.ArrayList<>();
    for (String clip : frames.subfolders(row, video)) {
      if (!clip.endsWith("/query")) {
        clips.add(new Item(clip, target, frames.sample(row, clip)));
      }
    }
    return clips;
  }

  /** The last folder named positive* in directory order, as the reference's loop keeps it. */
  private String positiveClip(TableRow row, String video) {
    String positive = null;
    for (String clip : frames.subfoldersInDirectoryOrder(row, video)) {
      String name = clip.substring(clip.lastIndexOf('/') + 1);
      positive = name.startsWith("positive") ? clip : positive;
    }
    if (positive == null) {
      throw row.error("no clip folder named positive* under " + video);
    }
    return positive;
  }

  private String instruction() {
    String instruction = spec.queryInstruction() == null ? "" : spec.queryInstruction();
    return PythonStrings.strip(instruction.replace("<video_token>", ""))
        .replaceFirst("\\s*<[a-z_]+>$", "");
  }

  private static String first(TableRow row, String column) {
    List<String> values = row.stringList(column);
    if (values.isEmpty()) {
      throw row.error(column, "empty caption list");
    }
    return values.get(0);
  }

  /** {@code os.path.splitext(os.path.basename(path))[0]}. */
  static String baseName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
