package org.mmeb.eval.report.leaderboard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A score source as a short cell: a paper becomes a link to its arXiv page, a file path is cut to
 * the words before it; the full source stays in the title, so long paths never widen the table.
 */
final class SourceLink {
  private static final Pattern ARXIV = Pattern.compile("\\s*\\(arXiv (\\d{4}\\.\\d{4,5})\\)");
  private static final Pattern PATH = Pattern.compile("\\s*\\S*/\\S*$");

  private SourceLink() {}

  static String html(String source) {
    String title = " title=\"" + HtmlText.escape(source) + "\">";
    Matcher arxiv = ARXIV.matcher(source);
    if (arxiv.find()) {
      String label = arxiv.replaceFirst("");
      String href = "https://arxiv.org/abs/" + arxiv.group(1);
      return "<a href=\"" + href + "\"" + title + HtmlText.escape(label) + "</a>";
    }
    return "<span" + title + HtmlText.escape(pathLabel(source)) + "</span>";
  }

  /** The words before a source's file path, or the file's name when there are none. */
  private static String pathLabel(String source) {
    String label = PATH.matcher(source).replaceFirst("");
    return label.isBlank() ? source.substring(source.lastIndexOf('/') + 1) : label;
  }
}
