package org.mmeb.eval.data.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.mmeb.eval.data.ImageStore;

/** Images as files under a root folder; a path may not leave the root. */
public final class FolderImageStore implements ImageStore {
  private final Path root;

  public FolderImageStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public byte[] read(String path) throws IOException {
    Path file = resolve(path);
    if (file == null) {
      throw new NoSuchFileException(path, null, "outside " + root);
    }
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "not a regular file");
    }
    long size = Files.size(file);
    ImageBytes.checkDeclared(size, file.toString());
    try (var in = Files.newInputStream(file)) {
      return ImageBytes.readCapped(in, file.toString(), size);
    }
  }

  @Override
  public boolean contains(String path) {
    Path file = resolve(path);
    return file != null && Files.isRegularFile(file);
  }

  @Override
  public String describe() {
    return root.toString();
  }

  private Path resolve(String path) {
    Path file = root.resolve(path).normalize();
    return file.startsWith(root) ? file : null;
  }
}
