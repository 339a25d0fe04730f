package org.mmeb.eval.reason;

import org.mmeb.eval.UserError;

/**
 * Where a trace goes in the query text the embedder sees: a pattern with {@code {query}} and {@code
 * {trace}}. The default is Think-Then-Embed's order, the query first, then the reasoning.
 */
public record TraceTemplate(String pattern) {
  public static final TraceTemplate TTE = new TraceTemplate("{query}\n{trace}");

  public TraceTemplate {
    if (pattern == null || !pattern.contains("{query}") || !pattern.contains("{trace}")) {
      throw new UserError("trace template '" + pattern + "' must contain both {query} and {trace}");
    }
  }

  /** The pattern with both placeholders filled in one pass (a trace may itself hold braces). */
  public String place(String query, String trace) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < pattern.length()) {
      if (pattern.startsWith("{query}", at)) {
        out.append(query);
        at += "{query}".length();
      } else if (pattern.startsWith("{trace}", at)) {
        out.append(trace);
        at += "{trace}".length();
      } else {
        out.append(pattern.charAt(at++));
      }
    }
    return out.toString();
  }
}
