package org.mmeb.eval.data;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Image bytes by the relative path a data file names; backed by a folder or an archive. */
public interface ImageStore extends AutoCloseable {
  byte[] read(String path) throws IOException;

  boolean contains(String path);

  /**
   * A string that changes whenever the bytes {@link #read} returns for this path change: it is part
   * of an item's embedding-cache key, so a cache never serves a vector for other bytes. The default
   * is the SHA-256 of the bytes; a store with a checksum of its own (a zip's CRC-32) may use that.
   */
  default String contentId(String path) throws IOException {
    return sha256(read(path));
  }

  static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Where the images live, for error messages. */
  String describe();

  @Override
  default void close() throws IOException {}
}
