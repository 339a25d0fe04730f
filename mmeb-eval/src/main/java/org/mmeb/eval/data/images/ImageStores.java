package org.mmeb.eval.data.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.ImageStore;

/** Opens the right {@link ImageStore} for a folder, a .zip, or a .tar.gz / .tgz archive. */
public final class ImageStores {
  private ImageStores() {}

  public static ImageStore open(Path location) throws IOException {
    return open(location, path -> true);
  }

  /**
   * @param wanted the paths the task will read: a tar.gz keeps only these in memory
   */
  public static ImageStore open(Path location, Predicate<String> wanted) throws IOException {
    if (Files.isDirectory(location)) {
      return new FolderImageStore(location);
    }
    if (!Files.isRegularFile(location)) {
      throw new UserError(location + ": image folder or archive not found");
    }
    if (isArchive(location)) {
      return openArchive(location, wanted);
    }
    throw new UserError(location + ": expected a folder, a .zip or a .tar.gz archive of images");
  }

  private static ImageStore openArchive(Path archive, Predicate<String> wanted) {
    String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      return name.endsWith(".zip")
          ? new ZipImageStore(archive)
          : new TarGzImageStore(archive, TarGzImageStore.DEFAULT_MEMORY_BUDGET, wanted);
    } catch (IOException e) {
      throw new UserError(archive + ": not a readable archive: " + e.getMessage(), e);
    }
  }

  public static boolean isArchive(Path location) {
    String name = location.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".zip") || name.endsWith(".tar.gz") || name.endsWith(".tgz");
  }

  /** The folder an archive unpacks to by convention: its name without the extension. */
  public static Path unpackedFolder(Path archive) {
    String name = archive.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    int cut =
        lower.endsWith(".tar.gz") ? 7 : lower.endsWith(".tgz") ? 4 : lower.endsWith(".zip") ? 4 : 0;
    return archive.resolveSibling(name.substring(0, name.length() - cut));
  }
}
