package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.task.DedupeKey;
import org.mmeb.eval.task.Layout;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/** Every registry task has a reader for its layout and parser, with the reference's dedupe rule. */
class RegistryReadersTest {
  private static final Map<String, DedupeKey> V2_IMAGE_NAMES =
      Map.of(
          "image_cls", DedupeKey.TARGET_TEXT,
          "image_qa", DedupeKey.TARGET_TEXT,
          "image_i2t", DedupeKey.TARGET_TEXT,
          "image_t2i", DedupeKey.TARGET_IMAGE,
          "image_i2i_vg", DedupeKey.TARGET_IMAGE_AND_TEXT);

  private final List<TaskSpec> tasks =
      TaskRegistry.load(Path.of("tasks"), List.of()).all().stream()
          .map(TaskRegistry.LoadedTask::spec)
          .toList();

  @Test
  void everyImageTaskHasItsParserAndTheReferenceCandidateName() {
    for (TaskSpec spec : tasks) {
      if (spec.layout() == Layout.MMEB_V2_IMAGE_PARQUET && spec.benchmark().equals("mmeb-v2")) {
        assertThat(MmebV2ImageReader.Parser.of(spec)).as(spec.name()).isNotNull();
        assertThat(spec.dedupeKey())
            .as(spec.name())
            .isEqualTo(V2_IMAGE_NAMES.get(spec.parser().label()));
      }
      if (spec.layout() == Layout.MMEB_V1_PARQUET) {
        assertThat(spec.dedupeKey()).as(spec.name()).isEqualTo(DedupeKey.TEXT_AND_IMAGE);
      }
    }
  }

  @Test
  void everyVideoParserIsRead() {
    long videoTasks = tasks.stream().filter(t -> t.layout() == Layout.VIDEO_FRAMES).count();
    assertThat(videoTasks).isGreaterThanOrEqualTo(19);
    for (TaskSpec spec : tasks) {
      if (spec.layout() != Layout.VIDEO_FRAMES) {
        continue;
      }
      assertThat(VideoRows.parser(spec)).as(spec.name()).isNotNull();
    }
  }
}
