package org.mmeb.eval.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a downloaded file's bytes must hash to, from the hub's headers: an LFS file's {@code
 * X-Linked-Etag} (or a tree listing's {@code lfs.oid}) is the SHA-256 of its content; a regular
 * file's {@code ETag} is its git blob SHA-1 (SHA-1 of {@code "blob <size>\0"} + content). Anything
 * else gives no checksum, and the download says so.
 */
public record ExpectedChecksum(Kind kind, String hex) {
  public enum Kind {
    SHA256,
    GIT_SHA1,
    NONE
  }

  public static final ExpectedChecksum NONE = new ExpectedChecksum(Kind.NONE, null);

  /** From an ETag-like value: 64 hex = SHA-256, 40 hex = git blob SHA-1. */
  public static ExpectedChecksum fromEtag(String etag) {
    if (etag == null) {
      return NONE;
    }
    String value = etag.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "").toLowerCase(Locale.ROOT);
    if (value.matches("[0-9a-f]{64}")) {
      return new ExpectedChecksum(Kind.SHA256, value);
    }
    if (value.matches("[0-9a-f]{40}")) {
      return new ExpectedChecksum(Kind.GIT_SHA1, value);
    }
    return NONE;
  }

  /** A digest to feed the file's bytes to, primed as the kind requires. */
  public MessageDigest newDigest(long size) {
    try {
      if (kind == Kind.GIT_SHA1) {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
        return sha1;
      }
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  public String describe() {
    return switch (kind) {
      case SHA256 -> "sha256 " + hex;
      case GIT_SHA1 -> "git sha1 " + hex;
      case NONE -> "no checksum";
    };
  }

  /** The file's hash in this checksum's kind, or null when there is no checksum. */
  public String hashOf(Path file) throws IOException {
    if (kind == Kind.NONE) {
      return null;
    }
    MessageDigest digest = newDigest(Files.size(file));
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return hex(digest);
  }
}
