package org.mmeb.eval.encode.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.ChildJvm;

/** Blocks are reused within the slack, kept up to the limit, and handed back once per batch. */
class DirectBufferPoolTest {
  @Test
  void aBlockHandedBackServesTheNextRequestThatFitsWithinTheSlack() {
    DirectBufferPool pool = new DirectBufferPool(1 << 20);
    ByteBuffer block = pool.take(1000);
    assertThat(block.isDirect()).isTrue();
    assertThat(block.order()).isEqualTo(ByteOrder.nativeOrder());
    assertThat(block.limit()).isEqualTo(1000);
    pool.give(block);
    assertThat(pool.take(900)).isSameAs(block).extracting(ByteBuffer::limit).isEqualTo(900);
    pool.give(block);
    assertThat(pool.take(700)).as("more than 25% larger: a new block").isNotSameAs(block);
    assertThat(pool.take(1001)).as("too small").isNotSameAs(block);
  }

  @Test
  void theSmallestFittingBlockIsTaken() {
    DirectBufferPool pool = new DirectBufferPool(1 << 20);
    ByteBuffer large = pool.take(1200);
    ByteBuffer small = pool.take(1000);
    pool.give(large);
    pool.give(small);
    assertThat(pool.take(1000)).isSameAs(small);
    assertThat(pool.take(1000)).isSameAs(large);
  }

  @Test
  void blocksBeyondTheLimitAreNotKept() {
    DirectBufferPool pool = new DirectBufferPool(3000);
    ByteBuffer a = pool.take(2000);
    ByteBuffer b = pool.take(2000);
    pool.give(a);
    pool.give(b);
    assertThat(pool.freeBytes()).isEqualTo(2000);
    assertThat(pool.take(2000)).isSameAs(a);
    assertThat(pool.take(2000)).isNotSameAs(b);
  }

  /**
   * In a JVM with 4 MB of direct memory, a pool holding 3 MB of 1 MB blocks still serves a 2 MB
   * request: the blocks that fit nothing are dropped when direct memory runs out.
   */
  @Test
  void freeBlocksThatFitNothingGiveWayWhenDirectMemoryRunsOut() throws Exception {
    Process child = ChildJvm.of(List.of("-XX:MaxDirectMemorySize=4m"), Exhaust.class).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("served 2 MB");
  }

  /** The child of {@link #freeBlocksThatFitNothingGiveWayWhenDirectMemoryRunsOut}. */
  static final class Exhaust {
    public static void main(String[] args) {
      DirectBufferPool pool = new DirectBufferPool(64L << 20);
      fillWithSmallBlocks(pool);
      System.out.println("served " + (pool.take(2 << 20).limit() >> 20) + " MB");
    }

    /** Three 1 MB blocks taken and handed back: only the pool holds them. */
    private static void fillWithSmallBlocks(DirectBufferPool pool) {
      ByteBuffer[] blocks = {pool.take(1 << 20), pool.take(1 << 20), pool.take(1 << 20)};
      for (ByteBuffer block : blocks) {
        pool.give(block);
      }
    }
  }

  @Test
  void aBatchHandsItsBuffersBackOnceWithExactSizesAndZerosWhereAsked() {
    DirectBufferPool pool = new DirectBufferPool(1 << 20);
    BatchBuffers first = new BatchBuffers(pool);
    FloatBuffer floats = first.floats(10);
    for (int i = 0; i < 10; i++) {
      floats.put(i, 7f);
    }
    first.release();
    first.release();
    assertThat(pool.freeBytes()).isEqualTo(40);

    BatchBuffers second = new BatchBuffers(pool);
    LongBuffer zeros = second.zeros(5);
    assertThat(zeros.capacity()).isEqualTo(5);
    assertThat(pool.freeBytes()).as("the reused block left the pool once").isZero();
    for (int i = 0; i < 5; i++) {
      assertThat(zeros.get(i)).isZero();
    }
    LongBuffer ids = second.longs(new long[] {3, 1, 4});
    assertThat(ids.capacity()).isEqualTo(3);
    assertThat(ids.get(2)).isEqualTo(4);
  }
}
