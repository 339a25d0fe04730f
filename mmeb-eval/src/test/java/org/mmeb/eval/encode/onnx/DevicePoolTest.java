package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two runs in flight per GPU: each device's sessions are lent to two batches at once. */
@Timeout(60)
class DevicePoolTest {
  @Test
  void twoBatchesRunOnOneGpuAtOnce() throws Exception {
    AutoCloseable gpu = () -> {};
    DevicePool<AutoCloseable> pool = new DevicePool<>(List.of(gpu), 2);
    assertThat(pool.slots()).isEqualTo(2);
    CountDownLatch bothInside = new CountDownLatch(2);
    List<CompletableFuture<Boolean>> runs =
        List.of(1, 2).stream()
            .map(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            return pool.with(
                                sessions -> {
                                  bothInside.countDown();
                                  // returns only when the other run is inside too
                                  return bothInside.await(30, TimeUnit.SECONDS) && sessions == gpu;
                                });
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                        }))
            .toList();
    for (CompletableFuture<Boolean> run : runs) {
      assertThat(run.get()).isTrue();
    }
  }

  @Test
  void gpusGetTwoRunsAndTheCpuOne() {
    assertThat(DevicePlan.parse("cuda:0,1").runsPerDevice()).isEqualTo(2);
    assertThat(DevicePlan.parse("tensorrt:0").runsPerDevice()).isEqualTo(2);
    assertThat(DevicePlan.CPU.runsPerDevice()).isEqualTo(1);
    assertThat(new DevicePool<AutoCloseable>(List.of(() -> {}, () -> {}), 2).slots()).isEqualTo(4);
  }
}
