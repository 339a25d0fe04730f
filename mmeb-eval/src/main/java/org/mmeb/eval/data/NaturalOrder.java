package org.mmeb.eval.data;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The reference's {@code natural_sort_key} for frame file names: runs of digits compare as numbers,
 * the rest case-insensitively ("frame_2.jpg" before "frame_10.jpg"). Python's sort is stable, so
 * names with equal keys keep directory order there; here they fall back to the raw name.
 */
public final class NaturalOrder implements Comparator<String> {
  public static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    List<Object> ka = key(a);
    List<Object> kb = key(b);
    for (int i = 0; i < Math.min(ka.size(), kb.size()); i++) {
      int c = compareParts(ka.get(i), kb.get(i));
      if (c != 0) {
        return c;
      }
    }
    int bySize = Integer.compare(ka.size(), kb.size());
    return bySize != 0 ? bySize : a.compareTo(b);
  }

  private static int compareParts(Object a, Object b) {
    if (a instanceof BigInteger x && b instanceof BigInteger y) {
      return x.compareTo(y);
    }
    return a.toString().compareTo(b.toString());
  }

  /** Text and number parts alternating, starting with a (possibly empty) text part. */
  static List<Object> key(String name) {
    List<Object> parts = new ArrayList<>();
    int textStart = 0;
    while (true) {
      int textEnd = runEnd(name, textStart, false);
      parts.add(name.substring(textStart, textEnd).toLowerCase(Locale.ROOT));
      if (textEnd == name.length()) {
        return parts;
      }
      textStart = runEnd(name, textEnd, true);
      parts.add(new BigInteger(name.substring(textEnd, textStart)));
    }
  }

  /** Where the run of digits (or of other characters) that starts at {@code from} ends. */
  private static int runEnd(String name, int from, boolean digits) {
    int i = from;
    while (i < name.length() && Character.isDigit(name.charAt(i)) == digits) {
      i++;
    }
    return i;
  }
}
