package org.mmeb.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final RetryPolicy FAST =
      new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2));

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void aFailedTryIsTriedAgainUntilOneReturns() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    String answer =
        FAST.run(
            () -> {
              if (tries.incrementAndGet() < 3) {
                throw new IOException("HTTP 503");
              }
              return "ok";
            });
    assertThat(answer).isEqualTo("ok");
    assertThat(tries).hasValue(3);
  }

  @Test
  void givingUpNamesTheAttemptsAndKeepsTheLastFailure() {
    AtomicInteger tries = new AtomicInteger();
    assertThatThrownBy(
            () ->
                FAST.run(
                    () -> {
                      throw new IOException("HTTP 50" + tries.incrementAndGet());
                    }))
        .isInstanceOfSatisfying(
            RetryPolicy.Exhausted.class,
            e -> {
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.last()).hasMessage("HTTP 503");
            });
    assertThat(tries).hasValue(3);
  }

  @Test
  void aTryThatMovedBytesStartsTheCountAgain() {
    AtomicInteger tries = new AtomicInteger();
    List<Integer> reported = new ArrayList<>();
    RetryPolicy.Observer observer =
        new RetryPolicy.Observer() {
          @Override
          public void failed(IOException failure, int attempt) {
            reported.add(attempt);
          }

          @Override
          public boolean progressed() {
            return tries.get() <= 2;
          }
        };
    assertThatThrownBy(
            () ->
                FAST.run(
                    () -> {
                      tries.incrementAndGet();
                      throw new IOException("stalled");
                    },
                    observer))
        .isInstanceOf(RetryPolicy.Exhausted.class);
    assertThat(reported).containsExactly(1, 1, 1, 2, 3);
  }

  @Test
  void anInterruptedThreadStopsAtOnceAndStaysInterrupted() {
    AtomicInteger tries = new AtomicInteger();
    Thread.currentThread().interrupt();
    assertThatThrownBy(
            () ->
                FAST.run(
                    () -> {
                      tries.incrementAndGet();
                      throw new IOException("interrupted");
                    }))
        .isInstanceOf(InterruptedIOException.class);
    assertThat(tries).hasValue(1);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void anInterruptDuringTheWaitEndsTheTries() {
    AtomicInteger tries = new AtomicInteger();
    assertThatThrownBy(
            () ->
                FAST.run(
                    () -> {
                      tries.incrementAndGet();
                      throw new IOException("HTTP 503");
                    },
                    (failure, attempt) -> Thread.currentThread().interrupt()))
        .isInstanceOf(InterruptedIOException.class)
        .hasMessage("interrupted while waiting to retry");
    assertThat(tries).hasValue(1);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void aDeadlineEndsTheTriesBeforeAWaitWouldPassIt() {
    AtomicInteger tries = new AtomicInteger();
    long passed = System.nanoTime() - 1;
    assertThatThrownBy(
            () ->
                FAST.runUntil(
                    passed,
                    () -> {
                      tries.incrementAndGet();
                      throw new IOException("HTTP 503");
                    }))
        .isInstanceOfSatisfying(
            RetryPolicy.Exhausted.class, e -> assertThat(e.attempts()).isEqualTo(1));
    assertThat(tries).hasValue(1);
  }

  @Test
  void theWaitDoublesUpToItsCap() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.delayBefore(5)).isEqualTo(Duration.ofSeconds(5));
  }
}
