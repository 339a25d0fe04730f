package org.mmeb.eval.data.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hub layouts the issue lists (dataset pages of the video repos), and the split rules. */
class HubDataFilesTest {
  @Test
  void jsonLinesUnderDataAreTheTestSplit() {
    List<String> repo = List.of(".gitattributes", "README.md", "data/test.jsonl");
    assertThat(HubDataFiles.select(repo, null, "test")).containsExactly("data/test.jsonl");
  }

  @Test
  void aConfigIsItsFolderAndTheSplitIsAWordOfTheName() {
    List<String> repo =
        List.of(
            "MC/test-00000-of-00001.parquet",
            "MC/train-00000-of-00001.parquet",
            "OE/test-00000-of-00001.parquet");
    assertThat(HubDataFiles.select(repo, "MC", "test"))
        .containsExactly("MC/test-00000-of-00001.parquet");
    assertThat(HubDataFiles.select(repo, "Subset", "test")).isEmpty();
  }

  @Test
  void youCook2ReadsValNotTest() {
    List<String> repo =
        List.of(
            "data/test-00000-of-00002.parquet",
            "data/val-00000-of-00002.parquet",
            "data/val-00001-of-00002.parquet");
    assertThat(HubDataFiles.select(repo, null, "val"))
        .containsExactly("data/val-00000-of-00002.parquet", "data/val-00001-of-00002.parquet");
  }

  @Test
  void aConfigNamedFileIsTrainWhenNoFileNamesASplit() {
    List<String> repo =
        List.of("json/action_sequence.json", "json/object_shuffle.json", "video/clip.mp4");
    assertThat(HubDataFiles.select(repo, "object_shuffle", "train"))
        .containsExactly("json/object_shuffle.json");
    assertThat(HubDataFiles.select(repo, "object_shuffle", "test")).isEmpty();
  }

  @Test
  void splitWordsNeedDelimiters() {
    assertThat(HubDataFiles.names("data/test.jsonl", "test")).isTrue();
    assertThat(HubDataFiles.names("test_1k/test-0.parquet", "test")).isTrue();
    assertThat(HubDataFiles.names("data/contest.jsonl", "test")).isFalse();
    assertThat(HubDataFiles.names("data/latest-x.parquet", "test")).isFalse();
    assertThat(HubDataFiles.names("data/interval.parquet", "val")).isFalse();
  }
}
