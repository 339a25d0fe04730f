package org.mmeb.eval.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.mmeb.eval.task.TaskSpec;

/**
 * The label lists the reference ranks global video classification against ({@code
 * VIDEOCLS_LABEL_MAPPING} in src/data/eval_dataset/video_classification_utils.py: Kinetics-700 700,
 * UCF101 101, HMDB51 51, Breakfast 10), in its order, which is the candidate order and so decides
 * ties. Every label is a candidate, whether or not a row names it. Written by {@code
 * scripts/extract_video_labels.py}.
 */
final class VideoLabelLists {
  private static final List<String> TASKS = List.of("K700", "UCF101", "HMDB51", "Breakfast");

  private VideoLabelLists() {}

  /** The task's full label list, for MMEB-V2's global classification tasks. */
  static Optional<List<String>> of(TaskSpec spec) {
    if (!spec.benchmark().equals("mmeb-v2") || !TASKS.contains(spec.name())) {
      return Optional.empty();
    }
    return Optional.of(read(spec.name()));
  }

  static List<String> read(String task) {
    String resource = "video-labels/" + task + ".txt";
    try (InputStream in = VideoLabelLists.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + resource, e);
    }
  }
}
