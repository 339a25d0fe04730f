package org.mmeb.eval.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.ChildJvm;
import org.mmeb.eval.UserError;

class EmbeddingCacheTest {
  @TempDir Path dir;

  private Path file() {
    return EmbeddingCache.fileFor(dir, "fp123", "cpu", "mmeb-v1", "VisualNews_t2i");
  }

  @Test
  void storedEmbeddingsSurviveReopening() throws Exception {
    try (EmbeddingCache cache = EmbeddingCache.open(file())) {
      cache.putAll(List.of("a", "ü:b"), new float[][] {{1f, 2f}, {-0.5f, Float.MIN_VALUE}});
    }
    try (EmbeddingCache cache = EmbeddingCache.open(file())) {
      assertThat(cache.size()).isEqualTo(2);
      assertThat(cache.get("a")).containsExactly(1f, 2f);
      assertThat(cache.get("ü:b")).containsExactly(-0.5f, Float.MIN_VALUE);
      assertThat(cache.contains("c")).isFalse();
    }
  }

  @Test
  void aRecordCutShortByAKillIsDroppedAndOverwritten() throws Exception {
    try (EmbeddingCache cache = EmbeddingCache.open(file())) {
      cache.putAll(List.of("a"), new float[][] {{1f, 2f, 3f}});
      cache.putAll(List.of("b"), new float[][] {{4f, 5f, 6f}});
    }
    long full = Files.size(file());
    try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
      raf.setLength(full - 5);
    }
    try (EmbeddingCache cache = EmbeddingCache.open(file())) {
      assertThat(cache.size()).isEqualTo(1);
      assertThat(cache.contains("b")).isFalse();
      cache.putAll(List.of("c"), new float[][] {{7f, 8f, 9f}});
    }
    try (EmbeddingCache cache = EmbeddingCache.open(file())) {
      assertThat(cache.get("a")).containsExactly(1f, 2f, 3f);
      assertThat(cache.get("c")).containsExactly(7f, 8f, 9f);
      assertThat(cache.size()).isEqualTo(2);
    }
  }

  @Test
  void aCorruptedRecordEndsTheReadablePart() throws Exception {
    try (EmbeddingCache cache = EmbeddingCache.open(file())) {
      cache.putAll(List.of("a", "b"), new float[][] {{1f}, {2f}});
    }
    byte[] bytes = Files.readAllBytes(file());
    bytes[bytes.length - 12] ^= 0x40; // inside b's vector
    Files.write(file(), bytes);
    try (EmbeddingCache cache = EmbeddingCache.open(file())) {
      assertThat(cache.contains("a")).isTrue();
      assertThat(cache.contains("b")).isFalse();
    }
  }

  @Test
  void aRecordCutAtAnyByteEndsTheReadablePartAfterTheRecordBefore() throws Exception {
    try (EmbeddingCache cache = EmbeddingCache.open(file())) {
      cache.putAll(List.of("a", "bb"), new float[][] {{1f, 2f}, {3f, 4f}});
    }
    byte[] whole = Files.readAllBytes(file());
    int firstRecord = 4 + 1 + 4 + 2 * 4 + 8;
    for (int cut = firstRecord; cut < whole.length; cut++) {
      Files.write(file(), Arrays.copyOf(whole, cut));
      assertThat(EmbeddingCache.countRecords(file())).as("cut at byte %d", cut).isEqualTo(1);
    }
  }

  @Test
  void aKeyLengthOrDimensionOutsideItsLimitEndsTheReadablePart() throws Exception {
    try (EmbeddingCache cache = EmbeddingCache.open(file())) {
      cache.putAll(List.of("a"), new float[][] {{1f}});
    }
    byte[] first = Files.readAllBytes(file());
    List<byte[]> badStarts =
        List.of(
            recordStart(-1, 0),
            recordStart((1 << 20) + 1, 0),
            recordStart(1, -1),
            recordStart(1, (1 << 16) + 1));
    for (byte[] badStart : badStarts) {
      byte[] bytes = Arrays.copyOf(first, first.length + badStart.length + 64);
      System.arraycopy(badStart, 0, bytes, first.length, badStart.length);
      Files.write(file(), bytes);
      try (EmbeddingCache cache = EmbeddingCache.open(file())) {
        assertThat(cache.size()).isEqualTo(1);
      }
      assertThat(Files.size(file())).isEqualTo(first.length);
    }
  }

  /** A record's key length, a one-byte key (if the length is 1) and its dimension. */
  private static byte[] recordStart(int keyLength, int dim) {
    ByteBuffer start = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).putInt(keyLength);
    return keyLength == 1 ? start.put((byte) 'k').putInt(dim).array() : start.array();
  }

  @Test
  void taskNamesBecomeSafeFileNames() {
    assertThat(EmbeddingCache.fileFor(dir, "fp", "cpu", "b", "a/b c").getFileName().toString())
        .isEqualTo("a__b_c.emb");
  }

  @Test
  void namesThatWouldLeaveTheCacheFolderAreRefused() {
    assertThatThrownBy(() -> EmbeddingCache.fileFor(dir, "fp", "cpu", "..", "t"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("'..'");
    assertThat(EmbeddingCache.fileFor(dir, "fp", "cpu", "../../x", "t").normalize())
        .startsWithRaw(dir);
  }

  @Test
  void gpuAndCpuVectorsLiveInSeparateFilesWhateverTheGpuOrdinal() {
    Path cpu = EmbeddingCache.fileFor(dir, "fp", "cpu", "b", "t");
    Path cuda0 = EmbeddingCache.fileFor(dir, "fp", "cuda:0", "b", "t");
    assertThat(cpu).isNotEqualTo(cuda0);
    assertThat(EmbeddingCache.fileFor(dir, "fp", "cuda:0,1", "b", "t")).isEqualTo(cuda0);
    assertThat(EmbeddingCache.fileFor(dir, "fp", "tensorrt:0", "b", "t"))
        .isNotEqualTo(cuda0)
        .isNotEqualTo(cpu);
  }

  @Test
  void batchesQueuedDuringASyncAreForcedToDiskTogether() throws Exception {
    CountDownLatch firstSyncStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger syncCalls = new AtomicInteger();
    EmbeddingCache.Syncer blockingFirstSync =
        channel -> {
          if (syncCalls.getAndIncrement() == 0) {
            firstSyncStarted.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
          }
          channel.force(false);
        };
    try (EmbeddingCache cache =
        EmbeddingCache.open(file(), new PrintWriter(new StringWriter()), blockingFirstSync)) {
      cache.putAll(List.of("k0"), new float[][] {{0f}});
      firstSyncStarted.await();
      for (int i = 1; i < 50; i++) {
        cache.putAll(List.of("k" + i), new float[][] {{i}});
      }
      release.countDown();
    }
    assertThat(syncCalls.get()).isEqualTo(2);
    assertThat(EmbeddingCache.countRecords(file())).isEqualTo(50);
  }

  @Test
  void aFailedWriteSurfacesOnTheNextPutOrAtClose() {
    EmbeddingCache cache =
        EmbeddingCache.open(
            file(),
            new PrintWriter(new StringWriter()),
            channel -> {
              throw new IOException("disk full");
            });
    assertThatThrownBy(
            () -> {
              cache.putAll(List.of("a"), new float[][] {{1f}});
              cache.close();
            })
        .isInstanceOf(IOException.class)
        .hasMessageContaining("disk full");
  }

  @Test
  void aSecondRunInTheSameProcessWaitsWithOneLine() throws Exception {
    StringWriter log = new StringWriter();
    CompletableFuture<Integer> second;
    try (EmbeddingCache first = EmbeddingCache.open(file())) {
      first.putAll(List.of("a"), new float[][] {{1f}});
      second =
          CompletableFuture.supplyAsync(
              () -> {
                try (EmbeddingCache cache = EmbeddingCache.open(file(), new PrintWriter(log))) {
                  return cache.size();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      awaitLine(log, "waiting: the embedding cache");
      assertThat(second).isNotDone();
    }
    assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(log.toString()).contains(file().toString()).contains("another run");
  }

  @Test
  void aRunInAnotherProcessHoldsTheCacheUntilItFinishes() throws Exception {
    Process holder = ChildJvm.of(CacheHolder.class, file().toString()).start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(holder.getInputStream(), UTF_8));
      assertThat(out.readLine()).isEqualTo("held");
      StringWriter log = new StringWriter();
      CompletableFuture<float[]> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try (EmbeddingCache cache = EmbeddingCache.open(file(), new PrintWriter(log))) {
                  return cache.get("from-holder");
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      awaitLine(log, "waiting: the embedding cache");
      assertThat(log.toString()).contains("process " + holder.pid());
      assertThat(waiting).isNotDone();
      holder.getOutputStream().close();
      assertThat(waiting.get(60, TimeUnit.SECONDS)).containsExactly(7f);
    } finally {
      holder.destroyForcibly();
    }
  }

  /** Holds a cache file (one record written) until its standard input closes. */
  public static final class CacheHolder {
    public static void main(String[] args) throws Exception {
      try (EmbeddingCache cache = EmbeddingCache.open(Path.of(args[0]))) {
        cache.putAll(List.of("from-holder"), new float[][] {{7f}});
        System.out.println("held");
        System.out.flush();
        System.in.readAllBytes();
      }
    }
  }

  private static void awaitLine(StringWriter log, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!log.toString().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no line '" + text + "' in 60 s: " + log);
      }
      Thread.sleep(10);
    }
  }
}
