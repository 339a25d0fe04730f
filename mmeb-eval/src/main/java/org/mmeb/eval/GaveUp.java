package org.mmeb.eval;

/**
 * A server or the hub kept failing until the {@link RetryPolicy} ran out of tries (exit 4): nothing
 * is wrong with the input, so this is not a bad-input exit; trying again later may succeed.
 */
public final class GaveUp extends UserError {
  public static final int EXIT_CODE = 4;

  public GaveUp(String message, Throwable lastFailure) {
    super(message, EXIT_CODE, lastFailure);
  }
}
