package org.mmeb.eval.data.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.mmeb.eval.data.ImageStore;

/** Images read straight from a zip archive by random access (its central directory). */
public final class ZipImageStore implements ImageStore {
  private final Path archive;
  private final ZipFile zip;
  private final String topFolder;

  public ZipImageStore(Path archive) throws IOException {
    this.archive = archive;
    this.zip = new ZipFile(archive.toFile());
    List<String> names = new ArrayList<>();
    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
      ZipEntry entry = e.nextElement();
      if (!entry.isDirectory()) {
        names.add(entry.getName());
      }
    }
    this.topFolder = ArchiveNames.commonTopFolder(names);
  }

  @Override
  public byte[] read(String path) throws IOException {
    ZipEntry entry = entry(path);
    if (entry == null) {
      throw new NoSuchFileException(path, null, "not in " + archive);
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  @Override
  public boolean contains(String path) {
    return entry(path) != null;
  }

  @Override
  public String describe() {
    return archive.toString();
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  private ZipEntry entry(String path) {
    String name = ArchiveNames.normalize(path);
    ZipEntry entry = zip.getEntry(name);
    if ((entry == null || entry.isDirectory()) && !topFolder.isEmpty()) {
      entry = zip.getEntry(topFolder + name);
    }
    return entry == null || entry.isDirectory() ? null : entry;
  }
}
