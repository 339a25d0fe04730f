package org.mmeb.eval.result;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a run's numbers come from: harness version and git commit, when, on what device and
 * platform, and SHA-256 of every task file and data file read.
 */
public record Provenance(
    String harnessVersion,
    String gitCommit,
    String startedAt,
    String finishedAt,
    String device,
    String javaVersion,
    String javaVendor,
    String os,
    String arch,
    Map<String, String> taskFiles,
    Map<String, String> dataFiles) {
  public Provenance {
    taskFiles = new TreeMap<>(taskFiles);
    dataFiles = new TreeMap<>(dataFiles);
  }
}
