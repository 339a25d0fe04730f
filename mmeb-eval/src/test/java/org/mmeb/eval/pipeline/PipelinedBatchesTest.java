package org.mmeb.eval.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.Item;

@org.junit.jupiter.api.Timeout(120)
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
  void neverHoldsMoreThanTwiceTheWorkersPlusTheDevicesInPreparedBatches() throws Exception {
    AtomicInteger preparedCount = new AtomicInteger();
    AtomicInteger consumedCount = new AtomicInteger();
    new PipelinedBatches<Integer>(2)
        .run(
            batches(40),
            batch -> preparedCount.incrementAndGet(),
            (batch, p) -> {
              assertThat(preparedCount.get() - consumedCount.get()).isLessThanOrEqualTo(2 * 2 + 1);
              consumedCount.incrementAndGet();
            });
    assertThat(consumedCount.get()).isEqualTo(40);
  }

  @Test
  void preparedBytesWaitingForTheModelStayWithinTheByteBudget() throws Exception {
    long batchBytes = 154L << 20; // 32 items x 8 frames x 3 x 224 x 224 float32
    long budget = 3 * batchBytes;
    AtomicLong prepared = new AtomicLong();
    AtomicLong consumed = new AtomicLong();
    AtomicLong worst = new AtomicLong();
    PipelinedBatches<Long> pipeline = new PipelinedBatches<>(4, 2, budget, bytes -> bytes);
    pipeline.run(
        batches(30),
        batch -> {
          prepared.addAndGet(batchBytes);
          return batchBytes;
        },
        (batch, bytes) -> {
          worst.accumulateAndGet(prepared.get() - consumed.get(), Math::max);
          Thread.sleep(1);
          consumed.addAndGet(bytes);
        });
    assertThat(consumed.get()).isEqualTo(30 * batchBytes);
    assertThat(worst.get()).isLessThanOrEqualTo(budget);
    assertThat(pipeline.peakBytesInFlight()).isLessThanOrEqualTo(budget);
  }

  @Test
  void aBatchLargerThanTheWholeBudgetStillRuns() throws Exception {
    AtomicInteger consumed = new AtomicInteger();
    new PipelinedBatches<Long>(3, 1, 10, bytes -> bytes)
        .run(batches(5), batch -> 1000L, (batch, bytes) -> consumed.incrementAndGet());
    assertThat(consumed).hasValue(5);
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

  @Test
  void severalConsumersOnePerDeviceConsumeEveryBatchOnceAndConcurrently() throws Exception {
    java.util.Set<String> consumed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    java.util.concurrent.CyclicBarrier twoAtOnce = new java.util.concurrent.CyclicBarrier(2);
    new PipelinedBatches<String>(2, 2)
        .run(
            batches(40),
            batch -> batch.get(0).key(),
            (batch, p) -> {
              maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
              if (p.equals("k0") || p.equals("k1")) {
                twoAtOnce.await(10, java.util.concurrent.TimeUnit.SECONDS);
              }
              inside.decrementAndGet();
              assertThat(consumed.add(p)).as("consumed twice: " + p).isTrue();
            });
    assertThat(consumed).hasSize(40);
    assertThat(maxInside.get()).isEqualTo(2);
  }

  @Test
  void aFailingDeviceStopsTheOthersAndItsErrorReachesTheCaller() {
    AtomicInteger consumedAfterFailure = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    assertThatThrownBy(
            () ->
                new PipelinedBatches<String>(2, 3)
                    .run(
                        batches(200),
                        batch -> batch.get(0).key(),
                        (batch, p) -> {
                          if (failed.get()) {
                            consumedAfterFailure.incrementAndGet();
                          }
                          if (p.equals("k5")) {
                            failed.set(true);
                            throw new UserError("cuda:1: out of memory");
                          }
                        }))
        .isInstanceOf(UserError.class)
        .hasMessage("cuda:1: out of memory");
    assertThat(consumedAfterFailure.get()).isLessThan(10);
  }

  @Test
  void finishesInPlanOrderAndOnTheDeviceThreadOnlyAfterItsLastRun() throws Exception {
    List<String> finished = Collections.synchronizedList(new ArrayList<>());
    Thread device = Thread.currentThread();
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger finishedOnDeviceBeforeLastRun = new AtomicInteger();
    new PipelinedBatches<String>(2)
        .run(
            batches(60),
            batch -> batch.get(0).key(),
            (batch, p) -> {
              runs.incrementAndGet();
              return p + "!";
            },
            (batch, p, out) -> {
              assertThat(out).isEqualTo(p + "!");
              if (Thread.currentThread() == device && runs.get() < 60) {
                finishedOnDeviceBeforeLastRun.incrementAndGet();
              }
              finished.add(p);
            });
    assertThat(finished)
        .containsExactlyElementsOf(IntStream.range(0, 60).mapToObj(i -> "k" + i).toList());
    assertThat(finishedOnDeviceBeforeLastRun).hasValue(0);
  }

  @Test
  void aFailingFinishStopsTheRunAndReachesTheCaller() {
    AtomicInteger runsAfterFailure = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    assertThatThrownBy(
            () ->
                new PipelinedBatches<String>(2)
                    .run(
                        batches(500),
                        batch -> batch.get(0).key(),
                        (batch, p) -> {
                          if (failed.get()) {
                            runsAfterFailure.incrementAndGet();
                          }
                          return p;
                        },
                        (batch, p, out) -> {
                          if (p.equals("k7")) {
                            failed.set(true);
                            throw new UserError("cache.emb: disk full");
                          }
                        }))
        .isInstanceOf(UserError.class)
        .hasMessage("cache.emb: disk full");
    assertThat(runsAfterFailure.get()).isLessThan(100);
  }

  /** An interrupted run loses nothing finished: what the model ran is finished before the error. */
  @Test
  void aFailingRunStillFinishesEveryBatchTheModelRanBeforeIt() {
    List<String> finished = Collections.synchronizedList(new ArrayList<>());
    assertThatThrownBy(
            () ->
                new PipelinedBatches<String>(3)
                    .run(
                        batches(50),
                        batch -> batch.get(0).key(),
                        (batch, p) -> {
                          if (p.equals("k20")) {
                            throw new UserError("killed");
                          }
                          return p;
                        },
                        (batch, p, out) -> finished.add(p)))
        .hasMessage("killed");
    assertThat(finished)
        .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "k" + i).toList());
  }

  @Test
  void aFailingPrepareWhileTheDeviceWaitsReachesTheCaller() {
    assertThatThrownBy(
            () ->
                new PipelinedBatches<String>(1)
                    .run(
                        batches(5),
                        batch -> {
                          Thread.sleep(5);
                          throw new UserError("a.png: cannot decode");
                        },
                        (batch, p) -> p,
                        (batch, p, out) -> {}))
        .isInstanceOf(UserError.class)
        .hasMessage("a.png: cannot decode");
  }

  /** Regression: workers took window permits out of plan order and starved the awaited batch. */
  @Test
  void manyWorkersNeverDeadlockTheWindow() throws Exception {
    for (int round = 0; round < 200; round++) {
      AtomicInteger consumed = new AtomicInteger();
      new PipelinedBatches<String>(4, 1 + round % 2)
          .run(batches(60), batch -> batch.get(0).key(), (batch, p) -> consumed.incrementAndGet());
      assertThat(consumed.get()).isEqualTo(60);
    }
  }
}
