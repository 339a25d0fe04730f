package org.mmeb.eval.encode.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmeb.eval.Json;

/**
 * Python's {@code html.unescape}: named references from the HTML5 table (the longest known prefix
 * of a name without {@code ;} counts, as the standard says), decimal and hex references with the
 * standard's replacements. The tables come from Python itself ({@code
 * scripts/make_html_entity_table.py}).
 */
final class HtmlUnescape {
  private static final Pattern REFERENCE =
      Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");
  private static final BigInteger MAX_CODE_POINT = BigInteger.valueOf(0x10FFFF);
  private static final Tables TABLES = Tables.load();

  private HtmlUnescape() {}

  static String unescape(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replace(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String replace(String ref) {
    if (ref.charAt(0) == '#') {
      return numeric(ref);
    }
    String exact = TABLES.entities.get(ref);
    return exact != null ? exact : withEntityPrefix(ref);
  }

  /** An unterminated name: its longest prefix that is an entity is replaced, or nothing is. */
  private static String withEntityPrefix(String ref) {
    for (int length = ref.length() - 1; length > 1; length--) {
      String prefix = TABLES.entities.get(ref.substring(0, length));
      if (prefix != null) {
        return prefix + ref.substring(length);
      }
    }
    return "&" + ref;
  }

  private static String numeric(String ref) {
    boolean hex = ref.charAt(1) == 'x' || ref.charAt(1) == 'X';
    String digits = ref.substring(hex ? 2 : 1);
    digits = digits.endsWith(";") ? digits.substring(0, digits.length() - 1) : digits;
    BigInteger value = new BigInteger(digits, hex ? 16 : 10);
    return value.compareTo(MAX_CODE_POINT) > 0 ? "\uFFFD" : character(value.intValue());
  }

  /** What a numeric reference to {@code code} (at most 0x10FFFF) stands for. */
  private static String character(int code) {
    String replaced = TABLES.invalidCharrefs.get(code);
    if (replaced != null) {
      return replaced;
    }
    if (code >= 0xD800 && code <= 0xDFFF) {
      return "\uFFFD";
    }
    return TABLES.invalidCodePoints.contains(code) ? "" : Character.toString(code);
  }

  private record Tables(
      Map<String, String> entities,
      Map<Integer, String> invalidCharrefs,
      Set<Integer> invalidCodePoints) {
    static Tables load() {
      try (InputStream in = HtmlUnescape.class.getResourceAsStream("html-unescape.json")) {
        JsonNode root = Json.PLAIN.readTree(in);
        Map<String, String> entities = new HashMap<>();
        root.get("entities")
            .properties()
            .forEach(e -> entities.put(e.getKey(), e.getValue().asText()));
        Map<Integer, String> charrefs = new HashMap<>();
        root.get("invalid_charrefs")
            .properties()
            .forEach(e -> charrefs.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
        Set<Integer> codePoints = new HashSet<>();
        root.get("invalid_codepoints").forEach(n -> codePoints.add(n.asInt()));
        return new Tables(Map.copyOf(entities), Map.copyOf(charrefs), Set.copyOf(codePoints));
      } catch (IOException e) {
        throw new UncheckedIOException("html-unescape.json missing from the build", e);
      }
    }
  }
}
