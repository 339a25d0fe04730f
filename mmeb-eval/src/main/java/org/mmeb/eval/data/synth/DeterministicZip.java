package org.mmeb.eval.data.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip whose bytes depend only on its entries: insertion order, stored (PNGs are already
 * compressed, and stored entries read fastest), one fixed local timestamp, no extra fields.
 */
final class DeterministicZip {
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

  private DeterministicZip() {}

  static void write(Path file, Map<String, byte[]> entries) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(storedEntry(e.getKey(), e.getValue()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
  }

  private static ZipEntry storedEntry(String name, byte[] bytes) {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setTimeLocal(FIXED_TIME);
    entry.setSize(bytes.length);
    entry.setCompressedSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    entry.setCrc(crc.getValue());
    return entry;
  }
}
