package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.task.TaskRegistry;
import org.mmeb.eval.task.TaskSpec;

/**
 * The label lists against VIDEOCLS_LABEL_MAPPING in the reference's video_classification_utils.py
 * (HEAD 6e1e1d4): counts, order and entries read off that file.
 */
class VideoLabelListsTest {
  private static TaskSpec task(String name) {
    return TaskRegistry.load(Path.of("tasks"), List.of())
        .find("mmeb-v2", name)
        .orElseThrow()
        .spec();
  }

  @Test
  void countsAreTheReferencesAndEveryLabelIsDistinct() {
    for (var expected :
        List.of(
            List.of("K700", 700),
            List.of("UCF101", 101),
            List.of("HMDB51", 51),
            List.of("Breakfast", 10))) {
      String name = (String) expected.get(0);
      List<String> labels = VideoLabelLists.of(task(name)).orElseThrow();
      assertThat(labels).as(name).hasSize((Integer) expected.get(1)).doesNotHaveDuplicates();
      assertThat(task(name).candidatesPerQuery()).as(name).isEqualTo(labels.size());
    }
  }

  @Test
  void knownEntriesInTheReferencesOrder() {
    List<String> k700 = VideoLabelLists.read("K700");
    assertThat(k700.subList(0, 3)).containsExactly("waiting_in_line", "fly_tying", "breakdancing");
    assertThat(k700.get(699)).isEqualTo("clay_pottery_making");
    assertThat(k700)
        .contains(
            "massaging_person's_head",
            "cooking_sausages_(not_on_barbeque)",
            "passing_American_football_(in_game)");
    List<String> ucf = VideoLabelLists.read("UCF101");
    assertThat(ucf.get(0)).isEqualTo("Kayaking");
    assertThat(ucf.get(100)).isEqualTo("Fencing");
    List<String> hmdb = VideoLabelLists.read("HMDB51");
    assertThat(hmdb.get(0)).isEqualTo("ride_bike");
    assertThat(hmdb.get(50)).isEqualTo("fall_floor");
    assertThat(VideoLabelLists.read("Breakfast"))
        .containsExactly(
            "pancake",
            "cereal",
            "sandwich",
            "scrambledegg",
            "friedegg",
            "coffee",
            "milk",
            "tea",
            "juice",
            "salad");
  }

  @Test
  void onlyTheFourGlobalClassificationTasksHaveAList() {
    assertThat(VideoLabelLists.of(task("SmthSmthV2"))).isEmpty();
    assertThat(VideoLabelLists.of(task("MSR-VTT"))).isEmpty();
  }
}
