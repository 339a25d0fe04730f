package org.mmeb.eval.report.leaderboard;

/** Text for HTML and SVG element content and quoted attribute values: markup stays text. */
final class HtmlText {
  private HtmlText() {}

  static String escape(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (char c : raw.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
