package org.mmeb.eval.report.leaderboard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmeb.eval.UserError;
import org.mmeb.eval.result.AtomicFiles;

/** Writes the leaderboard in every format into one folder, each file atomically. */
public final class LeaderboardFiles {
  public static final Map<String, LeaderboardFormat> FORMATS = formats();

  private LeaderboardFiles() {}

  private static Map<String, LeaderboardFormat> formats() {
    Map<String, LeaderboardFormat> formats = new LinkedHashMap<>();
    formats.put("leaderboard.md", new MarkdownLeaderboard());
    formats.put("leaderboard.csv", new CsvLeaderboard());
    formats.put("leaderboard.json", new JsonLeaderboard());
    formats.put("leaderboard.html", new HtmlLeaderboard());
    return java.util.Collections.unmodifiableMap(formats);
  }

  /** The atomic writer's temporary file is private; a published page is for everyone to read. */
  private static void readableByAll(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      java.nio.file.Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  public static List<Path> write(Path dir, Leaderboard board) {
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, LeaderboardFormat> format : FORMATS.entrySet()) {
      Path file = dir.resolve(format.getKey());
      try {
        AtomicFiles.writeString(file, format.getValue().render(board));
        readableByAll(file);
      } catch (IOException e) {
        throw new UserError("cannot write " + file + ": " + e.getMessage(), e);
      }
      written.add(file);
    }
    return written;
  }
}
