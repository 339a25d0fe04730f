package org.mmeb.eval.encode.text;

/** Python 3 {@code str} rules that differ from Java's, for reproducing reference text handling. */
final class PythonText {
  private PythonText() {}

  /**
   * Python's {@code str.isspace()} (and {@code re}'s {@code \s} on text): Java's {@link
   * Character#isWhitespace} plus the no-break spaces and NEL, which Python counts as whitespace.
   */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c)
        || c == '\u0085'
        || c == '\u00a0'
        || c == '\u2007'
        || c == '\u202f';
  }

  /** Python's {@code str.strip()}: whitespace as {@link #isSpace} says, both ends. */
  static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }
}
