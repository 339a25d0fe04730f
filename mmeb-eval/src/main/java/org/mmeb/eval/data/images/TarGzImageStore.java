package org.mmeb.eval.data.images;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.mmeb.eval.data.ImageStore;

/**
 * Images read from a tar.gz archive without unpacking it to disk. A gzip stream has no random
 * access, so one pass at open indexes the entries and keeps the bytes of the wanted ones (a task's
 * images) in memory up to a budget; other entries are read by streaming to them again (fast in
 * archive order, slow at random: unpack a large archive, or repack it as a zip, for real runs).
 */
public final class TarGzImageStore implements ImageStore {
  public static final long DEFAULT_MEMORY_BUDGET = 512L << 20;

  private final Path archive;
  private final Map<String, Integer> ordinals = new HashMap<>();
  private final Map<String, byte[]> inMemory = new HashMap<>();
  private final String topFolder;
  private TarArchiveInputStream cursor;
  private int cursorOrdinal;

  public TarGzImageStore(Path archive) throws IOException {
    this(archive, DEFAULT_MEMORY_BUDGET, name -> true);
  }

  /**
   * @param wanted which paths (as data files name them) to keep in memory, budget permitting
   */
  public TarGzImageStore(Path archive, long memoryBudget, Predicate<String> wanted)
      throws IOException {
    this.archive = archive;
    indexAndKeep(memoryBudget, wanted);
    this.topFolder = ArchiveNames.commonTopFolder(ordinals.keySet());
  }

  /**
   * One pass over the archive: every file's ordinal, and the bytes of the wanted ones while they
   * fit in the budget.
   */
  private void indexAndKeep(long memoryBudget, Predicate<String> wanted) throws IOException {
    long kept = 0;
    try (TarArchiveInputStream tar = open()) {
      int ordinal = 0;
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry(), ordinal++) {
        if (e.isFile()) {
          kept += index(tar, e, ordinal, memoryBudget - kept, wanted);
        }
      }
    }
  }

  /**
   * Records a file's ordinal and keeps its bytes when wanted and at most {@code room}; returns the
   * bytes kept.
   */
  private long index(
      TarArchiveInputStream tar,
      TarArchiveEntry entry,
      int ordinal,
      long room,
      Predicate<String> wanted)
      throws IOException {
    String name = ArchiveNames.normalize(entry.getName());
    ordinals.put(name, ordinal);
    if (entry.getSize() > room
        || entry.getSize() > ImageBytes.MAX_BYTES
        || !(wanted.test(name) || wanted.test(belowTop(name)))) {
      return 0;
    }
    inMemory.put(name, tar.readAllBytes());
    return entry.getSize();
  }

  @Override
  public synchronized byte[] read(String path) throws IOException {
    String name = entryName(path);
    if (name == null) {
      throw new NoSuchFileException(path, null, "not in " + archive);
    }
    byte[] bytes = inMemory.get(name);
    return bytes != null ? bytes.clone() : streamTo(ordinals.get(name));
  }

  @Override
  public boolean contains(String path) {
    return entryName(path) != null;
  }

  @Override
  public String describe() {
    return archive.toString();
  }

  @Override
  public synchronized void close() throws IOException {
    if (cursor != null) {
      cursor.close();
      cursor = null;
    }
  }

  private byte[] streamTo(int ordinal) throws IOException {
    if (cursor == null || cursorOrdinal > ordinal) {
      close();
      cursor = open();
      cursorOrdinal = 0;
    }
    for (TarArchiveEntry e = cursor.getNextEntry(); e != null; e = cursor.getNextEntry()) {
      if (cursorOrdinal++ == ordinal) {
        ImageBytes.checkDeclared(e.getSize(), archive + "!" + e.getName());
        return ImageBytes.readCapped(cursor, archive + "!" + e.getName(), e.getSize());
      }
    }
    throw new IOException(archive + ": entry " + ordinal + " vanished while reading");
  }

  private String entryName(String path) {
    String name = ArchiveNames.normalize(path);
    if (ordinals.containsKey(name)) {
      return name;
    }
    return !topFolder.isEmpty() && ordinals.containsKey(topFolder + name) ? topFolder + name : null;
  }

  private static String belowTop(String name) {
    return name.substring(name.indexOf('/') + 1);
  }

  private TarArchiveInputStream open() throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
    return new TarArchiveInputStream(new GzipCompressorInputStream(in, true));
  }
}
