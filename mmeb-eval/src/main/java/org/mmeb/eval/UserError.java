package org.mmeb.eval;

/**
 * A problem the user can fix (bad input, missing file, failed check). The CLI prints its message as
 * one line and exits with {@link #exitCode()}: 2 for bad input, 1 for a failed check ({@link
 * GaveUp}, 4, when a server kept failing).
 */
public class UserError extends RuntimeException {
  public static final int BAD_INPUT = 2;
  public static final int CHECK_FAILED = 1;

  private final int exitCode;

  public UserError(String message) {
    this(message, BAD_INPUT, null);
  }

  public UserError(String message, Throwable cause) {
    this(message, BAD_INPUT, cause);
  }

  public UserError(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
