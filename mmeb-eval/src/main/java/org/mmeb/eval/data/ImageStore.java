package org.mmeb.eval.data;

import java.io.IOException;

/** Image bytes by the relative path a data file names; backed by a folder or an archive. */
public interface ImageStore extends AutoCloseable {
  byte[] read(String path) throws IOException;

  boolean contains(String path);

  /** Where the images live, for error messages. */
  String describe();

  @Override
  default void close() throws IOException {}
}
