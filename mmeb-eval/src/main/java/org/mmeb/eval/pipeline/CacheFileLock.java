package org.mmeb.eval.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One run at a time per cache file. The lock is an OS file lock on {@code <file>.lock} (released by
 * the OS when a run dies, even by {@code kill -9}), which holds the owner's pid so that a waiting
 * run can say whom it waits for. File locks belong to a process, so runs inside one JVM (tests,
 * {@code demo}) queue on a semaphore first.
 */
final class CacheFileLock implements AutoCloseable {
  private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

  private final Semaphore jvmTurn;
  private final FileChannel channel;
  private final FileLock lock;

  private CacheFileLock(Semaphore jvmTurn, FileChannel channel, FileLock lock) {
    this.jvmTurn = jvmTurn;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, printing one line (to {@code log}) if another run holds it and we wait. */
  static CacheFileLock acquire(Path cacheFile, PrintWriter log)
      throws IOException, InterruptedException {
    Path lockFile = cacheFile.resolveSibling(cacheFile.getFileName() + ".lock");
    Semaphore jvmTurn = takeJvmTurn(lockFile, cacheFile, log);
    try {
      return lockFileWithin(jvmTurn, lockFile, cacheFile, log);
    } catch (IOException | RuntimeException e) {
      jvmTurn.release();
      throw e;
    }
  }

  /** The turn of this JVM's runs on the cache file (a file lock does not exclude them). */
  private static Semaphore takeJvmTurn(Path lockFile, Path cacheFile, PrintWriter log)
      throws InterruptedException {
    Semaphore jvmTurn =
        IN_THIS_JVM.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new Semaphore(1));
    if (!jvmTurn.tryAcquire()) {
      waiting(log, cacheFile, "another run in this process");
      jvmTurn.acquire();
    }
    return jvmTurn;
  }

  /** Locks the lock file against other processes and writes our pid into it. */
  private static CacheFileLock lockFileWithin(
      Semaphore jvmTurn, Path lockFile, Path cacheFile, PrintWriter log) throws IOException {
    FileChannel channel =
        FileChannel.open(
            lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      FileLock lock = lock(channel, lockFile, cacheFile, log);
      writePid(channel);
      return new CacheFileLock(jvmTurn, channel, lock);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The lock, at once or after one line saying which process holds it. */
  private static FileLock lock(FileChannel channel, Path lockFile, Path cacheFile, PrintWriter log)
      throws IOException {
    FileLock lock = channel.tryLock();
    if (lock == null) {
      waiting(log, cacheFile, "process " + owner(lockFile));
      lock = channel.lock();
    }
    return lock;
  }

  private static void writePid(FileChannel channel) throws IOException {
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
        0);
  }

  private static void waiting(PrintWriter log, Path cacheFile, String holder) {
    log.println(
        "waiting: the embedding cache "
            + cacheFile
            + " is in use by "
            + holder
            + "; this run goes on when that one finishes the task (stop with Ctrl-C, or use another"
            + " --cache-dir)");
    log.flush();
  }

  private static String owner(Path lockFile) {
    try {
      String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
      return pid.isEmpty() ? "(unknown pid)" : pid;
    } catch (IOException e) {
      return "(unknown pid)";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      jvmTurn.release();
    }
  }
}
