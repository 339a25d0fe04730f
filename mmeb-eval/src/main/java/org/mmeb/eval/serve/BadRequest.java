package org.mmeb.eval.serve;

/** A request the server cannot answer as asked: answered with {@code status} and the message. */
final class BadRequest extends RuntimeException {
  private final int status;

  BadRequest(int status, String message) {
    super(message);
    this.status = status;
  }

  BadRequest(String message) {
    this(400, message);
  }

  int status() {
    return status;
  }
}
