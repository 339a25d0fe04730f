package org.mmeb.eval.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.data.table.TableRow;

/**
 * MomentSeeker rows as src/data/eval_dataset/momentseeker_dataset.py builds them. The query is a
 * text, a text with an image ({@code input_frames} ends in .jpg: {@code query_<input_frames>} under
 * the frame root) or a text with a video segment (ends in .mp4: its frames under {@code
 * video_frames/}); it ranks its own clips, positives first, then negatives, each clip the frames of
 * {@code video_frames/<output_path with '/' as '_', up to ".mp4">}. Every frame of a folder is
 * taken (the reference's {@code load_frames}, no sampling: the folders hold the 8 frames it
 * extracted). Every positive clip is relevant. A clip listed twice stays twice, as in the
 * reference's {@code cand_names} (it takes two places in the ranking).
 */
final class MomentSeekerRows {
  static final List<String> COLUMNS =
      List.of("query", "input_frames", "positive_frames", "negative_frames");

  private static final String TEXT_QUERY = "Find the clip that corresponds to the given text:";
  private static final String IMAGE_QUERY =
      "Select the video clip that aligns with the given text and image:";
  private static final String VIDEO_QUERY =
      "Find the clip that corresponds to the given sentence and video segment:";
  private static final String CLIP = "Understand the content of the provided video clip.";
  private static final String CLIP_FIELD = "output_path";

  private final FrameFolders frames;
  private final PromptProfile profile;

  MomentSeekerRows(FrameFolders frames, PromptProfile profile) {
    this.frames = frames;
    this.profile = profile;
  }

  QueryRow build(TableRow row) {
    List<String> positives = row.structListField("positive_frames", CLIP_FIELD);
    if (positives.isEmpty()) {
      throw row.error("positive_frames", "no positive clip");
    }
    List<Item> clips = new ArrayList<>();
    Map<String, Double> relevance = new LinkedHashMap<>();
    for (String path : positives) {
      clips.add(clip(row, path));
      relevance.put(clips.get(clips.size() - 1).key(), 1.0);
    }
    for (String path : row.structListField("negative_frames", CLIP_FIELD)) {
      clips.add(clip(row, path));
    }
    return new QueryRow(row.row(), query(row), clips, relevance);
  }

  private Item query(TableRow row) {
    String text = row.string("query");
    String input = row.stringOrNull("input_frames");
    input = input == null ? "" : input;
    if (input.endsWith(".mp4")) {
      String folder = "video_frames/" + input.split("\\.mp4", -1)[0].replace('/', '_');
      return ItemKeys.byContent(
          profile.processInputText(VIDEO_QUERY, text, true, false), frames.all(row, folder));
    }
    if (input.endsWith(".jpg")) {
      return ItemKeys.byContent(
          profile.processInputText(IMAGE_QUERY, text, false, true), "query_" + input);
    }
    return ItemKeys.byContent(profile.processInputText(TEXT_QUERY, text, false, false), List.of());
  }

  /** A clip is named by its frame folder, as the reference's {@code cand_names}. */
  private Item clip(TableRow row, String outputPath) {
    String folder = "video_frames/" + outputPath.replace('/', '_').split("\\.mp4", -1)[0];
    return new Item(
        folder, profile.processInputText(CLIP, null, true, false), frames.all(row, folder));
  }
}
