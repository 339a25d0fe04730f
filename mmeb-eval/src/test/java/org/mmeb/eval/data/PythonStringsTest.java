package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against CPython 3.11's str.isspace/strip (the values below were printed by Python). */
class PythonStringsTest {
  /** python3 -c 'print([hex(c) for c in range(0x110000) if chr(c).isspace()])' */
  private static final int[] PYTHON_WHITESPACE = {
    0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001,
    0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f,
    0x205f, 0x3000
  };

  @Test
  void isSpaceIsExactlyPythonsSetOverTheWholeBmp() {
    List<Integer> found = new ArrayList<>();
    for (int c = 0; c <= 0xffff; c++) {
      if (PythonStrings.isSpace((char) c)) {
        found.add(c);
      }
    }
    List<Integer> expected = new ArrayList<>();
    for (int c : PYTHON_WHITESPACE) {
      expected.add(c);
    }
    assertThat(found).isEqualTo(expected);
  }

  @Test
  void stripAsPython() {
    String s = " \u00a0\u2007x y\u202f\u0085\n";
    assertThat(PythonStrings.strip(s)).isEqualTo("x y");
    assertThat(PythonStrings.rstrip(s)).isEqualTo(" \u00a0\u2007x y");
    assertThat(PythonStrings.lstrip(s)).isEqualTo("x y\u202f\u0085\n");
    assertThat(s.strip()).isNotEqualTo("x y"); // why this class exists
    assertThat(PythonStrings.strip("\u001cx\u001f")).isEqualTo("x");
    assertThat(PythonStrings.strip("\u200bx\u200b")).isEqualTo("\u200bx\u200b");
    assertThat(PythonStrings.strip("\u180ex\u180e")).isEqualTo("\u180ex\u180e");
    assertThat(PythonStrings.strip("\ufeffx")).isEqualTo("\ufeffx");
    assertThat(PythonStrings.strip("\". a .\"", "\". ")).isEqualTo("a");
  }

  @Test
  void theReadersUsePythonsStrip() {
    assertThat(
            V2ImagePrompts.MMEB.questionQuery("\u00a0<|image_1|> Answer the question.\u202f", "Q?"))
        .isEqualTo("<|image_1|>\nAnswer the question. Q?\n");
    assertThat(VideoQaRows.qaTemplate("q", List.of("a\u00a0", "b\u2007")))
        .isEqualTo("q\nOptions:\n(A) a\u00a0\n(B) b");
  }
}
