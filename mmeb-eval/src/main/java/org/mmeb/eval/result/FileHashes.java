package org.mmeb.eval.result;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.mmeb.eval.UserError;

/** SHA-256 of files (and texts), for provenance, fingerprints and cache keys. */
public final class FileHashes {
  private FileHashes() {}

  public static String sha256(Path file) {
    MessageDigest digest = newDigest();
    update(digest, file);
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }

  /** SHA-256 of a text (UTF-8), written as the file hashes are ({@code sha256:<hex>}). */
  public static String sha256(String text) {
    return "sha256:"
        + HexFormat.of()
            .formatHex(newDigest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** One hash over several files, in the given order (name and content of each). */
  public static String sha256(Iterable<Path> files) {
    MessageDigest digest = newDigest();
    for (Path file : files) {
      digest.update(
          file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      update(digest, file);
    }
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, Path file) {
    if (!Files.isRegularFile(file)) { // a device or FIFO (a symlink to /dev/zero) never ends
      String problem = Files.exists(file) ? ": not a regular file" : ": not found";
      throw new UserError(file + problem + ", cannot hash it");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UserError(file + ": cannot read to hash it: " + e.getMessage(), e);
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
