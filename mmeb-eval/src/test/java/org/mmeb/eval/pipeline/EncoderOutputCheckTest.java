package org.mmeb.eval.pipeline;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;

/** An encoder's output for a batch: one finite vector per item, one dimension per task. */
class EncoderOutputCheckTest {
  private static final List<Item> BATCH =
      List.of(Item.textOnly("a", "text a"), Item.textOnly("b", "text b"));

  @Test
  void oneFiniteVectorPerItemOfTheTasksDimensionPasses() {
    AtomicInteger dim = new AtomicInteger(-1);
    assertThatCode(() -> EncoderOutputCheck.check("T", BATCH, new float[][] {{1, 2}, {3, 4}}, dim))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> EncoderOutputCheck.check("T", BATCH, new float[][] {{1}, {3}}, dim))
        .isInstanceOf(UserError.class)
        .hasMessage(
            "T: the encoder returned a 1-dimensional embedding for item 'a' where the others have"
                + " 2 dimensions");
  }

  @Test
  void aWrongCountAnEmptyVectorOrANonFiniteValueIsRefused() {
    assertThatThrownBy(
            () -> EncoderOutputCheck.check("T", BATCH, new float[][] {{1}}, new AtomicInteger(-1)))
        .hasMessage("T: the encoder returned 1 embeddings for a batch of 2 items");
    assertThatThrownBy(
            () ->
                EncoderOutputCheck.check("T", BATCH, new float[][] {{}, {}}, new AtomicInteger(-1)))
        .hasMessage(
            "T: the encoder returned a 0-dimensional embedding for item 'a' where the others have"
                + " 0 dimensions");
    assertThatThrownBy(
            () ->
                EncoderOutputCheck.check(
                    "T", BATCH, new float[][] {{1}, {Float.NaN}}, new AtomicInteger(-1)))
        .hasMessage("T: the encoder returned a non-finite value for item 'b'");
  }
}
