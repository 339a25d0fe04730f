package org.mmeb.eval.encode.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import org.mmeb.eval.data.PythonStrings;

/**
 * Text rewriting some reference tokenizers do before their vocabulary sees the text, which a {@code
 * tokenizer.json} cannot express. Applied after the image placeholder is handled.
 */
public enum TextNormalizer {
  /** The text as it is. */
  @JsonProperty("none")
  NONE,
  /**
   * Hugging Face's slow {@code SiglipTokenizer}: lowercased ({@code do_lower_case}), every ASCII
   * punctuation character of Python's {@code string.punctuation} removed, runs of whitespace
   * ({@code \s+}) made one space, then stripped. So {@code <|image_1|>} becomes {@code image1}.
   */
  @JsonProperty("siglip")
  SIGLIP,
  /**
   * LAVIS's {@code BlipCaptionProcessor} (BLIP-2 feature extractor, eval): lowercased, each of
   * {@code .!"()*#:;~} replaced by a space, runs of two or more whitespace characters made one
   * space, trailing newlines and surrounding spaces stripped, then cut to the first 50 words.
   */
  @JsonProperty("lavis_caption")
  LAVIS_CAPTION,
  /**
   * open_clip's {@code SimpleTokenizer} cleaning without ftfy: {@code html.unescape} twice, strip,
   * whitespace runs made one space, lowercased. {@code ftfy.fix_text}, which open_clip runs first
   * (mojibake repair, curly quotes, ligatures, full-width forms), is not reproduced.
   */
  @JsonProperty("open_clip")
  OPEN_CLIP;

  private static final String PYTHON_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private static final String LAVIS_SPACED = ".!\"()*#:;~";
  private static final int LAVIS_MAX_WORDS = 50;

  public String apply(String text) {
    return switch (this) {
      case NONE -> text;
      case SIGLIP -> PythonStrings.strip(collapseWhitespace(removeAll(lower(text)), 1));
      case LAVIS_CAPTION -> firstWords(lavisStrip(collapseWhitespace(spaced(lower(text)), 2)));
      case OPEN_CLIP ->
          lower(
              PythonStrings.strip(
                  collapseWhitespace(
                      PythonStrings.strip(HtmlUnescape.unescape(HtmlUnescape.unescape(text))), 1)));
    };
  }

  /** Python's {@code str.lower()} for the characters MMEB texts hold (Unicode full lowercase). */
  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static String removeAll(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars().filter(c -> PYTHON_PUNCTUATION.indexOf(c) < 0).forEach(c -> out.append((char) c));
    return out.toString();
  }

  private static String spaced(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars().forEach(c -> out.append(LAVIS_SPACED.indexOf(c) >= 0 ? ' ' : (char) c));
    return out.toString();
  }

  /** {@code re.sub(r"\s{n,}", " ", text)}: runs of at least {@code minRun} whitespace. */
  private static String collapseWhitespace(String text, int minRun) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int end = whitespaceEnd(text, i);
      if (end - i >= minRun) {
        out.append(' ');
      } else {
        out.append(text, i, Math.max(end, i + 1)); // a short run, or one other character
      }
      i = Math.max(end, i + 1);
    }
    return out.toString();
  }

  /**
   * The end of the run of whitespace starting at {@code from} ({@code from} when there is none).
   */
  private static int whitespaceEnd(String text, int from) {
    int end = from;
    while (end < text.length() && PythonStrings.isSpace(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /** {@code caption.rstrip("\n").strip(" ")}. */
  private static String lavisStrip(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '\n') {
      end--;
    }
    return PythonStrings.strip(text.substring(0, end), " ");
  }

  /** {@code " ".join(text.split(" ")[:50])} when there are more than 50 words. */
  private static String firstWords(String text) {
    String[] words = text.split(" ", -1);
    return words.length > LAVIS_MAX_WORDS
        ? String.join(" ", java.util.Arrays.copyOf(words, LAVIS_MAX_WORDS))
        : text;
  }
}
