package org.mmeb.eval.data.images;

import java.util.Collection;

/**
 * How a data file's image path maps to an archive entry. Archives are often packed with one
 * top-level folder ({@code MMEB/...} in MMEB-V2's {@code mmeb_v1.tar.gz}, which the reference moves
 * away after unpacking); a path that is not an entry is looked up under that folder as well.
 */
final class ArchiveNames {
  private ArchiveNames() {}

  /** The single top-level folder shared by every entry ("MMEB/"), or "" when there is none. */
  static String commonTopFolder(Collection<String> entryNames) {
    String top = null;
    for (String name : entryNames) {
      int slash = name.indexOf('/');
      if (slash < 0) {
        return "";
      }
      String folder = name.substring(0, slash + 1);
      if (top == null) {
        top = folder;
      } else if (!top.equals(folder)) {
        return "";
      }
    }
    return top == null ? "" : top;
  }

  static String normalize(String path) {
    String normalized = path.replace('\\', '/');
    while (normalized.startsWith("./")) {
      normalized = normalized.substring(2);
    }
    while (normalized.startsWith("/")) {
      normalized = normalized.substring(1);
    }
    return normalized;
  }
}
