package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.images.FolderImageStore;
import org.mmeb.eval.data.images.ImageStores;
import org.mmeb.eval.data.images.TarGzImageStore;

class ImageStoresTest {
  @TempDir Path dir;

  private final Map<String, byte[]> entries = new LinkedHashMap<>();

  ImageStoresTest() {
    for (int i = 0; i < 5; i++) {
      entries.put(
          "MMEB/Task" + (i % 2) + "/img" + i + ".png",
          ("image " + i).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void zipIsReadByPathAndUnderItsSingleTopFolder() throws IOException {
    Path zip = dir.resolve("images.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (var e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    try (ImageStore store = ImageStores.open(zip)) {
      assertThat(store.read("MMEB/Task1/img3.png")).isEqualTo(bytes("image 3"));
      assertThat(store.read("Task0/img4.png")).isEqualTo(bytes("image 4"));
      assertThat(store.contains("Task0/img9.png")).isFalse();
      assertThatThrownBy(() -> store.read("Task0/img9.png"))
          .isInstanceOf(NoSuchFileException.class);
    }
  }

  @Test
  void tarGzIsReadInAnyOrderFromMemoryOrByStreamingAgain() throws IOException {
    Path tar = dir.resolve("mmeb_v1.tar.gz");
    try (OutputStream file = Files.newOutputStream(tar);
        TarArchiveOutputStream out =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
      for (var e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        out.putArchiveEntry(entry);
        out.write(e.getValue());
        out.closeArchiveEntry();
      }
    }
    for (long budget : new long[] {TarGzImageStore.DEFAULT_MEMORY_BUDGET, 0}) {
      try (ImageStore store = new TarGzImageStore(tar, budget, p -> true)) {
        for (int i : new int[] {4, 1, 3, 0, 2, 2}) {
          assertThat(store.read("Task" + (i % 2) + "/img" + i + ".png"))
              .isEqualTo(bytes("image " + i));
        }
        assertThat(store.contains("MMEB/Task1/img1.png")).isTrue();
        assertThat(store.contains("Task1/img2.png")).isFalse();
      }
    }
  }

  @Test
  void folderRefusesPathsOutsideItsRoot() throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.write(root.resolve("a.png"), bytes("a"));
    Files.write(dir.resolve("secret.png"), bytes("s"));
    try (ImageStore store = new FolderImageStore(root)) {
      assertThat(store.read("a.png")).isEqualTo(bytes("a"));
      assertThat(store.contains("../secret.png")).isFalse();
      assertThatThrownBy(() -> store.read("../secret.png")).isInstanceOf(NoSuchFileException.class);
    }
  }

  @Test
  void aMissingOrUnknownLocationIsAUserError() throws IOException {
    assertThatThrownBy(() -> ImageStores.open(dir.resolve("nope.zip")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("nope.zip");
    Path text = Files.writeString(dir.resolve("images.txt"), "x");
    assertThatThrownBy(() -> ImageStores.open(text)).isInstanceOf(UserError.class);
    Path broken = Files.writeString(dir.resolve("broken.zip"), "not a zip");
    assertThatThrownBy(() -> ImageStores.open(broken))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("broken.zip");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
