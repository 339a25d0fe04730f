package org.mmeb.eval.data.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Locale;
import java.util.Map;

/**
 * A 5x7 pixel font for A–Z, 0–9 and space, drawn with rectangles: text renders identically on every
 * machine, with or without system fonts.
 */
final class BitmapFont {
  private static final Map<Character, String[]> GLYPHS =
      Map.ofEntries(
          Map.entry('A', rows(" ### ", "#   #", "#   #", "#####", "#   #", "#   #", "#   #")),
          Map.entry('B', rows("#### ", "#   #", "#   #", "#### ", "#   #", "#   #", "#### ")),
          Map.entry('C', rows(" ####", "#    ", "#    ", "#    ", "#    ", "#    ", " ####")),
          Map.entry('D', rows("#### ", "#   #", "#   #", "#   #", "#   #", "#   #", "#### ")),
          Map.entry('E', rows("#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#####")),
          Map.entry('F', rows("#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#    ")),
          Map.entry('G', rows(" ####", "#    ", "#    ", "#  ##", "#   #", "#   #", " ####")),
          Map.entry('H', rows("#   #", "#   #", "#   #", "#####", "#   #", "#   #", "#   #")),
          Map.entry('I', rows("#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "#####")),
          Map.entry('J', rows("  ###", "   # ", "   # ", "   # ", "   # ", "#  # ", " ##  ")),
          Map.entry('K', rows("#   #", "#  # ", "# #  ", "##   ", "# #  ", "#  # ", "#   #")),
          Map.entry('L', rows("#    ", "#    ", "#    ", "#    ", "#    ", "#    ", "#####")),
          Map.entry('M', rows("#   #", "## ##", "# # #", "#   #", "#   #", "#   #", "#   #")),
          Map.entry('N', rows("#   #", "##  #", "# # #", "#  ##", "#   #", "#   #", "#   #")),
          Map.entry('O', rows(" ### ", "#   #", "#   #", "#   #", "#   #", "#   #", " ### ")),
          Map.entry('P', rows("#### ", "#   #", "#   #", "#### ", "#    ", "#    ", "#    ")),
          Map.entry('Q', rows(" ### ", "#   #", "#   #", "#   #", "# # #", "#  # ", " ## #")),
          Map.entry('R', rows("#### ", "#   #", "#   #", "#### ", "# #  ", "#  # ", "#   #")),
          Map.entry('S', rows(" ####", "#    ", "#    ", " ### ", "    #", "    #", "#### ")),
          Map.entry('T', rows("#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ")),
          Map.entry('U', rows("#   #", "#   #", "#   #", "#   #", "#   #", "#   #", " ### ")),
          Map.entry('V', rows("#   #", "#   #", "#   #", "#   #", "#   #", " # # ", "  #  ")),
          Map.entry('W', rows("#   #", "#   #", "#   #", "# # #", "# # #", "## ##", "#   #")),
          Map.entry('X', rows("#   #", "#   #", " # # ", "  #  ", " # # ", "#   #", "#   #")),
          Map.entry('Y', rows("#   #", "#   #", " # # ", "  #  ", "  #  ", "  #  ", "  #  ")),
          Map.entry('Z', rows("#####", "    #", "   # ", "  #  ", " #   ", "#    ", "#####")),
          Map.entry('0', rows(" ### ", "#   #", "#  ##", "# # #", "##  #", "#   #", " ### ")),
          Map.entry('1', rows("  #  ", " ##  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### ")),
          Map.entry('2', rows(" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####")),
          Map.entry('3', rows("#### ", "    #", "    #", " ### ", "    #", "    #", "#### ")),
          Map.entry('4', rows("   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # ")),
          Map.entry('5', rows("#####", "#    ", "#### ", "    #", "    #", "#   #", " ### ")),
          Map.entry('6', rows(" ### ", "#    ", "#    ", "#### ", "#   #", "#   #", " ### ")),
          Map.entry('7', rows("#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   ")),
          Map.entry('8', rows(" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### ")),
          Map.entry('9', rows(" ### ", "#   #", "#   #", " ####", "    #", "    #", " ### ")));

  private BitmapFont() {}

  private static String[] rows(String... rows) {
    return rows;
  }

  /** The width in pixels of {@code text} at {@code scale}. */
  static int width(String text, int scale) {
    return text.isEmpty() ? 0 : (6 * text.length() - 1) * scale;
  }

  /** Draws upper-cased text with its top-left corner at (x, y); unknown characters are skipped. */
  static void draw(Graphics2D g, String text, int x, int y, int scale, Color color) {
    g.setColor(color);
    String upper = text.toUpperCase(Locale.ROOT);
    for (int i = 0; i < upper.length(); i++) {
      String[] glyph = GLYPHS.get(upper.charAt(i));
      if (glyph == null) {
        continue;
      }
      int left = x + i * 6 * scale;
      for (int row = 0; row < glyph.length; row++) {
        for (int col = 0; col < glyph[row].length(); col++) {
          if (glyph[row].charAt(col) == '#') {
            g.fillRect(left + col * scale, y + row * scale, scale, scale);
          }
        }
      }
    }
  }
}
