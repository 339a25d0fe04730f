package org.mmeb.eval.report.compare;

import java.util.List;
import java.util.Locale;
import org.mmeb.eval.report.ScoreText;

/**
 * The gate's verdicts as a JUnit XML report (the format every CI system shows): one test case per
 * dataset plus one for the headline score, a failure element carrying the reason.
 */
public final class JUnitXml {
  private JUnitXml() {}

  public static String render(RunComparison comparison, List<RegressionGate.Verdict> verdicts) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    suiteStart(xml, comparison.benchmark(), verdicts);
    xml.append("  <properties>\n");
    property(xml, "baseline", comparison.baselineName());
    property(xml, "candidate", comparison.candidateName());
    xml.append("  </properties>\n");
    for (RegressionGate.Verdict verdict : verdicts) {
      testCase(xml, comparison.benchmark(), verdict);
    }
    return xml.append("</testsuite>\n").toString();
  }

  private static void suiteStart(
      StringBuilder xml, String benchmark, List<RegressionGate.Verdict> verdicts) {
    long failures = verdicts.stream().filter(v -> !v.passed()).count();
    xml.append(
        String.format(
            Locale.ROOT,
            "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\">\n",
            escape("mmeb-eval check " + benchmark),
            verdicts.size(),
            failures));
  }

  private static void property(StringBuilder xml, String name, String value) {
    xml.append("    <property name=\"").append(name).append("\" value=\"");
    xml.append(escape(value)).append("\"/>\n");
  }

  private static void testCase(
      StringBuilder xml, String benchmark, RegressionGate.Verdict verdict) {
    ScoreDelta d = verdict.delta();
    String classname = benchmark + (verdict.aggregate() ? ".aggregate" : ".dataset");
    xml.append("  <testcase classname=\"").append(escape(classname));
    xml.append("\" name=\"").append(escape(d.name())).append("\" time=\"0\">\n");
    if (!verdict.passed()) {
      xml.append("    <failure message=\"").append(escape(verdict.failure()));
      xml.append("\" type=\"regression\"/>\n");
    }
    xml.append("    <system-out>").append(escape(summary(d))).append("</system-out>\n");
    xml.append("  </testcase>\n");
  }

  private static String summary(ScoreDelta d) {
    return String.format(
        Locale.ROOT,
        "baseline %s, candidate %s, delta %s points, p = %s",
        ScoreText.of(d.baseline()),
        Double.isNaN(d.candidate()) ? "missing" : ScoreText.of(d.candidate()),
        ScoreText.signed(d.points()),
        PValueText.of(d.pValue()));
  }

  /** Escapes markup and drops characters XML 1.0 cannot hold at all. */
  static String escape(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    raw.codePoints().forEach(c -> appendEscaped(out, c));
    return out.toString();
  }

  private static void appendEscaped(StringBuilder out, int c) {
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&apos;");
      case '\n' -> out.append("&#10;");
      case '\t' -> out.append("&#9;");
      default -> out.appendCodePoint(c >= 0x20 && c != 0xFFFE && c != 0xFFFF ? c : '?');
    }
  }
}
