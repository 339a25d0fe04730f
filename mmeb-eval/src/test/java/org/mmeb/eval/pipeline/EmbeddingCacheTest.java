package org.mmeb.eval.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
  @TempDir Path dir;

  private Path file() {
    return EmbeddingCache.fileFor(dir, "fp123", "mmeb-v1", "VisualNews_t2i");
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
  void taskNamesBecomeSafeFileNames() {
    assertThat(EmbeddingCache.fileFor(dir, "fp", "b", "a/b c").getFileName().toString())
        .isEqualTo("a_b_c.emb");
  }
}
