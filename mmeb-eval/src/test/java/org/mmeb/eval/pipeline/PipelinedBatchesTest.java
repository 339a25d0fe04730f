package org.mmeb.eval.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;

class PipelinedBatchesTest {
  private static List<List<Item>> batches(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> List.of(Item.textOnly("k" + i, "text " + i)))
        .toList();
  }

  @Test
  void consumesBatchesInPlanOrderWhilePreparingConcurrently() throws Exception {
    List<String> consumed = new ArrayList<>();
    new PipelinedBatches<String>(3)
        .run(
            batches(50),
            batch -> {
              Thread.sleep((batch.get(0).key().hashCode() & 3));
              return batch.get(0).key();
            },
            (batch, p) -> {
              assertThat(p).isEqualTo(batch.get(0).key());
              consumed.add(p);
            });
    assertThat(consumed)
        .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> "k" + i).toList());
  }

  @Test
  void neverPreparesMoreThanTwiceTheWorkersAhead() throws Exception {
    AtomicInteger preparedCount = new AtomicInteger();
    AtomicInteger consumedCount = new AtomicInteger();
    new PipelinedBatches<Integer>(2)
        .run(
            batches(40),
            batch -> preparedCount.incrementAndGet(),
            (batch, p) -> {
              assertThat(preparedCount.get() - consumedCount.get()).isLessThanOrEqualTo(4);
              consumedCount.incrementAndGet();
            });
    assertThat(consumedCount.get()).isEqualTo(40);
  }

  @Test
  void aUserErrorInAWorkerReachesTheCallerUnchanged() {
    assertThatThrownBy(
            () ->
                new PipelinedBatches<String>(2)
                    .run(
                        batches(5),
                        batch -> {
                          if (batch.get(0).key().equals("k3")) {
                            throw new UserError("images.zip: row 3: cannot decode a.png");
                          }
                          return "ok";
                        },
                        (batch, p) -> {}))
        .isInstanceOf(UserError.class)
        .hasMessage("images.zip: row 3: cannot decode a.png");
  }
}
