package org.mmeb.eval.data.download;

import java.nio.file.Path;

/**
 * One file to fetch: where it is on the hub and where it goes locally.
 *
 * @param knownChecksum a checksum known before asking (a tree listing's LFS oid), or NONE
 */
public record RemoteFile(
    String repo, String revision, String path, Path target, ExpectedChecksum knownChecksum) {
  public String describe() {
    return repo + "/" + path + "@" + revision;
  }
}
