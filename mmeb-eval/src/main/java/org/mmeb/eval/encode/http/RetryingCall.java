package org.mmeb.eval.encode.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.Callable;
import org.mmeb.eval.UserError;

/** Retries a call on transient failures (429, 5xx, I/O errors) with exponential backoff. */
final class RetryingCall {
  private RetryingCall() {}

  /** A failure that is worth another try. */
  static final class Transient extends IOException {
    Transient(String message) {
      super(message);
    }
  }

  static <T> T run(int retries, Callable<T> call) {
    long backoffMillis = 200;
    for (int attempt = 0; ; attempt++) {
      try {
        return call.call();
      } catch (UserError e) {
        throw e;
      } catch (IOException e) {
        if (attempt >= retries) {
          throw new UserError("gave up after " + (attempt + 1) + " attempts: " + describe(e), e);
        }
        sleep(backoffMillis);
        backoffMillis = Math.min(10_000, backoffMillis * 2);
      } catch (Exception e) {
        throw new UserError("embedding request failed: " + e, e);
      }
    }
  }

  static void checkStatus(int status, String body, URI server) throws Transient {
    if (status == 429 || status >= 500) {
      throw new Transient(server + " answered HTTP " + status);
    }
    if (status != 200) {
      String snippet = body == null ? "" : body.substring(0, Math.min(200, body.length()));
      throw new UserError(server + " answered HTTP " + status + ": " + snippet.replace('\n', ' '));
    }
  }

  private static String describe(IOException e) {
    return e instanceof HttpTimeoutException
        ? "timed out (" + e.getMessage() + ")"
        : e.getMessage();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while waiting to retry");
    }
  }
}
