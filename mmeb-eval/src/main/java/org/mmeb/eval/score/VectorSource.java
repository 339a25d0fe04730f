package org.mmeb.eval.score;

/** Vectors by position, fetched when needed (so a corpus need not sit in one matrix). */
public interface VectorSource {
  int size();

  float[] vector(int index);
}
