package org.mmeb.eval.pipeline;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.mmeb.eval.SafeFileName;
import org.mmeb.eval.UserError;

/**
 * Embeddings already computed for one (model fingerprint, device kind, task), kept in an
 * append-only file so that a killed run resumes where it stopped. Each record is {@code [int
 * keyLength][key UTF-8][int dim][dim float32 LE][long crc32]}; a record cut short by a kill, or
 * failing its CRC, ends the readable part and is overwritten by the next append.
 *
 * <p>One run at a time holds a cache file ({@link CacheFileLock}). Appends go to a writer thread,
 * so the inference thread never waits on the disk: the writer takes every batch queued so far,
 * writes them and forces them to disk once (a group commit), so a kill loses at most the batches of
 * the sync in progress, and those are simply encoded again.
 */
public final class EmbeddingCache implements AutoCloseable {
  private static final int MAX_KEY_BYTES = 1 << 20;
  private static final int MAX_DIM = 1 << 16;
  private static final int MAX_QUEUED_BATCHES = 256;

  /** Forces written bytes to disk (a seam for the group-commit test). */
  interface Syncer {
    void sync(FileChannel channel) throws IOException;
  }

  private record Batch(List<String> keys, float[][] vectors) {}

  private static final Batch END = new Batch(List.of(), new float[0][]);

  private final Path file;
  private final Map<String, float[]> embeddings = new ConcurrentHashMap<>();
  private final CacheFileLock lock;
  private final FileChannel channel;
  private final OutputStream out;
  private final Syncer syncer;
  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(MAX_QUEUED_BATCHES);
  private final Thread writer;
  private final AtomicInteger syncs = new AtomicInteger();
  private volatile Throwable writeFailure;
  private boolean closed;

  private EmbeddingCache(Path file, CacheFileLock lock, Syncer syncer) throws IOException {
    this.file = file;
    this.lock = lock;
    this.syncer = syncer;
    long validLength = Files.exists(file) ? readRecords(file, embeddings) : 0;
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    channel.truncate(validLength);
    channel.position(validLength);
    out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    writer = new Thread(this::writeLoop, "embedding-cache-writer " + file.getFileName());
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Opens (creating) a cache file, waiting with one line on {@code log} while another run has it.
   */
  public static EmbeddingCache open(Path file, PrintWriter log) {
    return open(file, log, channel -> channel.force(false));
  }

  /** As {@link #open(Path, PrintWriter)}, any waiting line going to standard error. */
  public static EmbeddingCache open(Path file) {
    return open(file, new PrintWriter(System.err, true));
  }

  static EmbeddingCache open(Path file, PrintWriter log, Syncer syncer) {
    CacheFileLock lock = null;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      lock = CacheFileLock.acquire(file, log);
      return new EmbeddingCache(file, lock, syncer);
    } catch (IOException e) {
      closeQuietly(lock);
      throw new UserError("cannot open the embedding cache " + file + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while waiting for the embedding cache " + file, e);
    }
  }

  /**
   * The file for a task under a cache root: one folder per model fingerprint and kind of device
   * (vectors from a GPU differ from the CPU's in the last bits, so they never mix).
   */
  public static Path fileFor(
      Path cacheRoot, String fingerprint, String device, String benchmark, String task) {
    return cacheRoot
        .resolve(SafeFileName.of(fingerprint))
        .resolve(SafeFileName.of(deviceKind(device)))
        .resolve(SafeFileName.of(benchmark))
        .resolve(SafeFileName.of(task) + ".emb");
  }

  /**
   * "cuda:0,1" and "cuda:1" are one kind ("cuda"): the same kernels give the same vectors on any
   * GPU of a run; an execution provider, or a server, is a kind of its own.
   */
  static String deviceKind(String device) {
    return device.replaceFirst("^(cpu|cuda|tensorrt|rocm|directml|coreml)(:[0-9,]*)?$", "$1");
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

  /** How many times the writer forced the file to disk so far. */
  public int syncs() {
    return syncs.get();
  }

  /**
   * Makes a batch visible at once and queues it for the writer thread (waiting only when {@value
   * #MAX_QUEUED_BATCHES} batches are already queued). A failed write surfaces here or at {@link
   * #close}.
   */
  public void putAll(List<String> keys, float[][] vectors) throws IOException {
    checkWriter();
    for (int i = 0; i < keys.size(); i++) {
      embeddings.put(keys.get(i), vectors[i]);
    }
    enqueue(new Batch(List.copyOf(keys), vectors));
  }

  private void enqueue(Batch batch) throws IOException {
    try {
      while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        checkWriter();
        if (!writer.isAlive()) {
          throw new IOException("the writer of " + file + " stopped");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while queueing a batch for " + file, e);
    }
  }

  private void writeLoop() {
    List<Batch> group = new ArrayList<>();
    try {
      boolean end = false;
      while (!end) {
        takeQueuedBatches(group);
        end = group.stream().anyMatch(batch -> batch == END);
        commit(group);
      }
    } catch (Throwable t) {
      writeFailure = t;
      queue.clear();
    }
  }

  /** Waits for one batch, then takes every other batch queued so far (a group commit's batches). */
  private void takeQueuedBatches(List<Batch> group) throws InterruptedException {
    group.clear();
    group.add(queue.take());
    queue.drainTo(group);
  }

  /** Appends the group's records and, if there were any, forces them to disk once. */
  private void commit(List<Batch> group) throws IOException {
    int records = 0;
    for (Batch batch : group) {
      for (int i = 0; i < batch.keys().size(); i++, records++) {
        out.write(encode(batch.keys().get(i), batch.vectors()[i]));
      }
    }
    if (records > 0) {
      out.flush();
      syncer.sync(channel);
      syncs.incrementAndGet();
    }
  }

  private void checkWriter() throws IOException {
    Throwable failure = writeFailure;
    if (failure != null) {
      throw new IOException("cannot write the embedding cache " + file + ": " + failure, failure);
    }
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

  /** The next complete, intact record, or null where the readable part ends. */
  private static Record readRecord(DataInputStream data) throws IOException {
    try {
      return readCheckedRecord(data);
    } catch (EOFException e) {
      return null;
    }
  }

  /** Null for an out-of-range length or a CRC mismatch; throws EOFException at a cut record. */
  private static Record readCheckedRecord(DataInputStream data) throws IOException {
    byte[] keyBytes = readLengthPrefixed(data, MAX_KEY_BYTES, 1);
    byte[] vectorBytes = keyBytes == null ? null : readLengthPrefixed(data, MAX_DIM, 4);
    if (vectorBytes == null) {
      return null;
    }
    long storedCrc = Long.reverseBytes(data.readLong());
    byte[] body = recordBody(keyBytes, vectorBytes);
    if (crc32(body) != storedCrc) {
      return null;
    }
    return new Record(
        new String(keyBytes, StandardCharsets.UTF_8), floats(vectorBytes), body.length + 8L);
  }

  /**
   * Reads {@code [int count LE][count * unitBytes bytes]}; null when the count is out of range or
   * the file ends inside the bytes.
   */
  private static byte[] readLengthPrefixed(DataInputStream data, int maxCount, int unitBytes)
      throws IOException {
    int count = Integer.reverseBytes(data.readInt());
    if (count < 0 || count > maxCount) {
      return null;
    }
    byte[] bytes = data.readNBytes(count * unitBytes);
    return bytes.length == count * unitBytes ? bytes : null;
  }

  /** The bytes a record's CRC covers: {@code [keyLength][key][dim][vector]}. */
  private static byte[] recordBody(byte[] keyBytes, byte[] vectorBytes) {
    return ByteBuffer.allocate(8 + keyBytes.length + vectorBytes.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(keyBytes.length)
        .put(keyBytes)
        .putInt(vectorBytes.length / 4)
        .put(vectorBytes)
        .array();
  }

  private static long crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  private static float[] floats(byte[] littleEndian) {
    float[] values = new float[littleEndian.length / 4];
    ByteBuffer.wrap(littleEndian).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  /** Writes and syncs everything queued, stops the writer and releases the lock. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      drainWriter();
    } finally {
      releaseFile();
    }
  }

  private void releaseFile() throws IOException {
    try {
      channel.close();
    } finally {
      lock.close();
    }
  }

  /** Queues the end mark and waits for the writer to commit everything before it. */
  private void drainWriter() throws IOException {
    try {
      checkWriter();
      enqueue(END);
      writer.join();
      checkWriter();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the embedding cache " + file, e);
    }
  }

  private static void closeQuietly(CacheFileLock lock) {
    if (lock != null) {
      try {
        lock.close();
      } catch (IOException ignored) {
        // the open already failed; its error is the one to report
      }
    }
  }
}
