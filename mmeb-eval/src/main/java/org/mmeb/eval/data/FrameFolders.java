package org.mmeb.eval.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mmeb.eval.data.table.TableRow;

/**
 * Extracted video frames under a root: one folder per video (or clip) of .jpg/.jpeg/.png files,
 * read in natural order and sampled by {@link FrameSampler}. Paths are relative to the root.
 */
final class FrameFolders {
  private static final List<String> FRAME_EXTENSIONS = List.of(".jpg", ".jpeg", ".png");
  private final Path root;
  private final int frames;

  FrameFolders(Path root, int frames) {
    this.root = root;
    this.frames = frames;
  }

  /** The sampled frames of {@code folder} (relative to the root). */
  List<String> sample(TableRow row, String folder) {
    return FrameSampler.sample(all(row, folder), frames);
  }

  /** Every frame of {@code folder} (relative to the root), in natural order. */
  List<String> all(TableRow row, String folder) {
    Path dir = root.resolve(folder);
    if (!Files.isDirectory(dir)) {
      throw row.error("no frame folder " + dir);
    }
    List<String> names = list(row, dir).stream().filter(FrameFolders::isFrame).toList();
    if (names.isEmpty()) {
      throw row.error("no .jpg/.jpeg/.png frames in " + dir);
    }
    return names.stream().map(n -> folder + "/" + n).toList();
  }

  /** The sub-folders of {@code folder} (relative to the root), in natural order. */
  List<String> subfolders(TableRow row, String folder) {
    Path dir = root.resolve(folder);
    if (!Files.isDirectory(dir)) {
      throw row.error("no frame folder " + dir);
    }
    return list(row, dir).stream()
        .filter(name -> Files.isDirectory(dir.resolve(name)))
        .map(name -> folder + "/" + name)
        .toList();
  }

  /** The sub-folders of {@code folder} in the file system's order (Python's os.listdir order). */
  List<String> subfoldersInDirectoryOrder(TableRow row, String folder) {
    Path dir = root.resolve(folder);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isDirectory).map(p -> folder + "/" + p.getFileName()).toList();
    } catch (IOException e) {
      throw row.error("cannot list " + dir + ": " + e.getMessage());
    }
  }

  private static List<String> list(TableRow row, Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted(NaturalOrder.INSTANCE).toList();
    } catch (IOException e) {
      throw row.error("cannot list " + dir + ": " + e.getMessage());
    }
  }

  private static boolean isFrame(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return FRAME_EXTENSIONS.stream().anyMatch(lower::endsWith);
  }
}
