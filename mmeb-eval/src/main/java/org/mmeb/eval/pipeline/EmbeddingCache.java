package org.mmeb.eval.pipeline;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.mmeb.eval.UserError;

/**
 * Embeddings already computed for one (model fingerprint, task), kept in an append-only file so
 * that a killed run resumes where it stopped. Each record is {@code [int keyLength][key UTF-8][int
 * dim][dim float32 LE][long crc32]}; a record cut short by a kill, or failing its CRC, ends the
 * readable part and is overwritten by the next append.
 */
public final class EmbeddingCache implements AutoCloseable {
  private static final int MAX_KEY_BYTES = 1 << 20;
  private static final int MAX_DIM = 1 << 16;

  private final Path file;
  private final Map<String, float[]> embeddings = new HashMap<>();
  private final FileChannel channel;
  private final OutputStream out;

  private EmbeddingCache(Path file) throws IOException {
    this.file = file;
    Files.createDirectories(file.toAbsolutePath().getParent());
    long validLength = Files.exists(file) ? readRecords(file, embeddings) : 0;
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    channel.truncate(validLength);
    channel.position(validLength);
    out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
  }

  public static EmbeddingCache open(Path file) {
    try {
      return new EmbeddingCache(file);
    } catch (IOException e) {
      throw new UserError("cannot open the embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file for a task under a cache root: one folder per model fingerprint. */
  public static Path fileFor(Path cacheRoot, String fingerprint, String benchmark, String task) {
    String safeTask = task.replaceAll("[^A-Za-z0-9._-]", "_");
    return cacheRoot.resolve(fingerprint).resolve(benchmark).resolve(safeTask + ".emb");
  }

  public float[] get(String key) {
    return embeddings.get(key);
  }

  public boolean contains(String key) {
    return embeddings.containsKey(key);
  }

  public int size() {
    return embeddings.size();
  }

  /** Appends a batch and forces it to disk, so that a kill after this call loses none of it. */
  public synchronized void putAll(java.util.List<String> keys, float[][] vectors)
      throws IOException {
    for (int i = 0; i < keys.size(); i++) {
      out.write(encode(keys.get(i), vectors[i]));
      embeddings.put(keys.get(i), vectors[i]);
    }
    out.flush();
    channel.force(false);
  }

  private static byte[] encode(String key, float[] vector) {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf =
        ByteBuffer.allocate(4 + keyBytes.length + 4 + 4 * vector.length + 8)
            .order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(keyBytes.length).put(keyBytes).putInt(vector.length);
    for (float v : vector) {
      buf.putFloat(v);
    }
    CRC32 crc = new CRC32();
    crc.update(buf.array(), 0, buf.position());
    buf.putLong(crc.getValue());
    return buf.array();
  }

  /** How many intact embeddings a cache file holds; reads only (safe while a run appends). */
  public static int countRecords(Path file) throws IOException {
    Map<String, float[]> found = new HashMap<>();
    readRecords(file, found);
    return found.size();
  }

  /** Reads every complete, intact record; returns the byte length they cover. */
  private static long readRecords(Path file, Map<String, float[]> embeddings) throws IOException {
    long valid = 0;
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        DataInputStream data = new DataInputStream(in)) {
      while (true) {
        Record record = readRecord(data);
        if (record == null) {
          return valid;
        }
        embeddings.put(record.key, record.vector);
        valid += record.length;
      }
    }
  }

  private record Record(String key, float[] vector, long length) {}

  private static Record readRecord(DataInputStream data) throws IOException {
    try {
      int keyLength = Integer.reverseBytes(data.readInt());
      if (keyLength < 0 || keyLength > MAX_KEY_BYTES) {
        return null;
      }
      byte[] keyBytes = data.readNBytes(keyLength);
      int dim = keyBytes.length == keyLength ? Integer.reverseBytes(data.readInt()) : -1;
      if (dim < 0 || dim > MAX_DIM) {
        return null;
      }
      byte[] vectorBytes = data.readNBytes(4 * dim);
      long storedCrc = Long.reverseBytes(data.readLong());
      if (vectorBytes.length != 4 * dim) {
        return null;
      }
      ByteBuffer body = ByteBuffer.allocate(8 + keyLength + 4 * dim).order(ByteOrder.LITTLE_ENDIAN);
      body.putInt(keyLength).put(keyBytes).putInt(dim).put(vectorBytes);
      CRC32 crc = new CRC32();
      crc.update(body.array());
      if (crc.getValue() != storedCrc) {
        return null;
      }
      float[] vector = new float[dim];
      ByteBuffer.wrap(vectorBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
      return new Record(new String(keyBytes, StandardCharsets.UTF_8), vector, body.capacity() + 8L);
    } catch (EOFException e) {
      return null;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.flush();
    channel.close();
  }
}
