package org.mmeb.eval.verify;

import java.util.List;

/**
 * What {@code data verify} found for one task.
 *
 * @param status {@code ok}, {@code missing} (no table files), {@code unreadable} (the reader
 *     stopped at bad input) or {@code problems}
 * @param problems one line each, naming the file and row
 * @param problemCount all problems, of which at most {@link DataVerifier#MAX_LISTED} are listed
 */
public record TaskCheck(
    String task,
    String status,
    int rows,
    int expectedRows,
    int images,
    int missingImages,
    int undecodableImages,
    List<String> problems,
    int problemCount) {

  public boolean ok() {
    return problemCount == 0;
  }
}
