package org.mmeb.eval.report;

/** Text from a results file for a terminal. */
public final class TerminalText {
  private TerminalText() {}

  /** Control characters from a results file would move the cursor or recolour the terminal. */
  public static String safe(String raw) {
    return raw.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
