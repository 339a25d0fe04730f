package org.mmeb.eval.encode.http;

import java.util.Base64;
import java.util.Locale;

/** Images as base64 {@code data:} URIs, the way OpenAI-compatible servers take them. */
public final class DataUris {
  private DataUris() {}

  /** The image's bytes as a data: URI, its media type guessed from the path's extension. */
  public static String of(String path, byte[] bytes) {
    return "data:" + mediaType(path) + ";base64," + Base64.getEncoder().encodeToString(bytes);
  }

  static String mediaType(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".png")) {
      return "image/png";
    }
    if (lower.endsWith(".webp")) {
      return "image/webp";
    }
    if (lower.endsWith(".gif")) {
      return "image/gif";
    }
    return "image/jpeg";
  }
}
