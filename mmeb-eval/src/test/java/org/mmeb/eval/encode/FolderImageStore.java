package org.mmeb.eval.encode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mmeb.eval.data.ImageStore;

/** Images in a folder, by relative path: the simplest real store, for encoder tests. */
public record FolderImageStore(Path root) implements ImageStore {
  @Override
  public byte[] read(String path) throws IOException {
    return Files.readAllBytes(root.resolve(path));
  }

  @Override
  public boolean contains(String path) {
    return Files.isRegularFile(root.resolve(path));
  }

  @Override
  public String describe() {
    return root.toString();
  }
}
