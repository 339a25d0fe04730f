package org.mmeb.eval.encode.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstructionSpecTest {
  private static final String QUERY = "<|image_1|>\nRepresent the given image for classification";

  @Test
  void stripRemovesOnlyThePlaceholderLikeTheReferenceReplace() {
    assertThat(InstructionSpec.STRIP.apply(QUERY))
        .isEqualTo("\nRepresent the given image for classification");
  }

  @Test
  void keepLeavesTheTextAlone() {
    assertThat(new InstructionSpec(InstructionSpec.Mode.KEEP, null, null).apply(QUERY))
        .isEqualTo(QUERY);
  }

  @Test
  void replaceUsesTheModelsToken() {
    assertThat(new InstructionSpec(InstructionSpec.Mode.REPLACE, null, "<image>").apply(QUERY))
        .startsWith("<image>\nRepresent");
  }

  @Test
  void anotherPlaceholderCanBeNamed() {
    InstructionSpec video = new InstructionSpec(InstructionSpec.Mode.STRIP, "<|video_1|>", null);
    assertThat(video.apply("<|video_1|> What happens?")).isEqualTo(" What happens?");
  }

  @Test
  void replaceWithoutAReplacementIsRejected() {
    assertThatThrownBy(() -> new InstructionSpec(InstructionSpec.Mode.REPLACE, null, null))
        .hasMessageContaining("needs a 'replacement'");
  }
}
