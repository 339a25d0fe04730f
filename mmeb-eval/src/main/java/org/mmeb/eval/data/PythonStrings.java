package org.mmeb.eval.data;

/**
 * Python's {@code str.strip()} family, which the reference applies to instructions and captions.
 * Python strips every character whose {@code str.isspace()} is true (Unicode White_Space minus
 * U+180E, plus the information separators U+001C–U+001F: U+0085, U+00A0, U+2007 and U+202F
 * included); Java's {@code String.strip()} keeps U+0085, U+00A0, U+2007 and U+202F and its {@code
 * trim()} strips every control character. Every such character is in the BMP, so a UTF-16 char test
 * is exact.
 */
public final class PythonStrings {
  private PythonStrings() {}

  /** {@code str.isspace()} for one character. */
  public static boolean isSpace(char c) {
    return switch (c) {
      case '\t', '\n', '\u000b', '\f', '\r', '\u001c', '\u001d', '\u001e', '\u001f', ' ' -> true;
      case '\u0085', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000' -> true;
      default -> c >= '\u2000' && c <= '\u200a';
    };
  }

  /** {@code s.strip()}. */
  public static String strip(String s) {
    return rstrip(lstrip(s));
  }

  /** {@code s.lstrip()}. */
  public static String lstrip(String s) {
    int start = 0;
    while (start < s.length() && isSpace(s.charAt(start))) {
      start++;
    }
    return s.substring(start);
  }

  /** {@code s.rstrip()}. */
  public static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** {@code s.strip(chars)}: the given characters from both ends. */
  public static String strip(String s, String chars) {
    int start = 0;
    int end = s.length();
    while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }
}
