package org.mmeb.eval.task;

/** MMEB-V1's in-distribution (20 datasets) and out-of-distribution (16) halves. */
public enum Split {
  IND,
  OOD
}
