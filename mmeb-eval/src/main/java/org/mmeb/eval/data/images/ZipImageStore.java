package org.mmeb.eval.data.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
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
    ImageBytes.checkDeclared(entry.getSize(), entryName(entry));
    byte[] bytes;
    try (InputStream in = zip.getInputStream(entry)) {
      bytes = ImageBytes.readCapped(in, entryName(entry), entry.getSize());
    }
    checkCrc(entry, bytes);
    return bytes;
  }

  private void checkCrc(ZipEntry entry, byte[] bytes) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
      throw new IOException(
          entryName(entry)
              + ": bytes do not match the archive's CRC-32 (corrupt or altered entry)");
    }
  }

  /**
   * The entry's CRC-32 and size from the central directory: free to read (no inflating), and {@link
   * #read} refuses bytes that do not match that CRC, so a cached vector was always computed from
   * bytes with this identity. CRC-32 catches any accidental change (a re-packed dataset); it is not
   * a defence against someone forging a collision for a cache they share with you.
   */
  @Override
  public String contentId(String path) throws IOException {
    ZipEntry entry = entry(path);
    if (entry == null) {
      throw new NoSuchFileException(path, null, "not in " + archive);
    }
    if (entry.getCrc() == -1 || entry.getSize() == -1) {
      return ImageStore.sha256(read(path));
    }
    return String.format(Locale.ROOT, "crc32:%08x:%d", entry.getCrc(), entry.getSize());
  }

  private String entryName(ZipEntry entry) {
    return archive + "!" + entry.getName();
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
