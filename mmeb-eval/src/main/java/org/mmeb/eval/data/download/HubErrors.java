package org.mmeb.eval.data.download;

import java.net.http.HttpHeaders;
import java.util.Locale;
import org.mmeb.eval.UserError;

/**
 * The hub's refusals as one line each, read from {@code X-Error-Code} and {@code X-Error-Message}
 * as huggingface_hub does: a missing (or private) repo answers 401/404 with {@code RepoNotFound}, a
 * gated one 403 with {@code GatedRepo}, a bad revision {@code RevisionNotFound}, a missing file
 * {@code EntryNotFound}.
 */
final class HubErrors {
  private HubErrors() {}

  /** Throws for a 4xx answer (other than 429); returns for anything else. */
  static void refuse(String what, String repo, int status, HttpHeaders headers) {
    if (status < 400 || status == 429 || status >= 500) {
      return;
    }
    String code = headers.firstValue("X-Error-Code").orElse("");
    String message = headers.firstValue("X-Error-Message").map(m -> " (" + m + ")").orElse("");
    throw new UserError(what + ": " + refusal(repo, status, code, message));
  }

  private static String refusal(String repo, int status, String code, String message) {
    return switch (code) {
      case "RepoNotFound" ->
          "no such dataset repo "
              + repo
              + message
              + "; if it is private, set HF_TOKEN to a token that can read it";
      case "GatedRepo" -> gated(repo, message);
      case "RevisionNotFound" -> "no such revision" + message;
      case "EntryNotFound" -> "not found on the hub (HTTP " + status + ")" + message;
      default -> generic(status, code, message);
    };
  }

  private static String gated(String repo, String message) {
    return "gated repo "
        + repo
        + message
        + ": accept its conditions on https://huggingface.co/datasets/"
        + repo
        + " with the account whose token HF_TOKEN holds";
  }

  private static String generic(int status, String code, String message) {
    String tag = code.isEmpty() ? "" : " " + code.toLowerCase(Locale.ROOT);
    if (status == 401 || status == 403) {
      return "access denied (HTTP "
          + status
          + tag
          + ")"
          + message
          + "; set HF_TOKEN to a token that can read it";
    }
    if (status == 404) {
      return "not found on the hub (HTTP 404)" + message;
    }
    return "the hub answered HTTP " + status + tag + message;
  }
}
