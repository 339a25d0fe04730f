package org.mmeb.eval.data.images;

import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mmeb.eval.data.ImageStore;

/** Images whose bytes ship inside a data file (a BEIR corpus's {@code image} column). */
public final class EmbeddedImageStore implements ImageStore {
  private final Map<String, byte[]> images;
  private final String description;

  public EmbeddedImageStore(Map<String, byte[]> images, String description) {
    this.images = new LinkedHashMap<>(images);
    this.description = description;
  }

  @Override
  public byte[] read(String path) throws NoSuchFileException {
    byte[] bytes = images.get(path);
    if (bytes == null) {
      throw new NoSuchFileException(path, null, "not in " + description);
    }
    return bytes.clone();
  }

  @Override
  public boolean contains(String path) {
    return images.containsKey(path);
  }

  @Override
  public String describe() {
    return description;
  }
}
