package org.mmeb.eval.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlTest {

  @Test
  void oneTestCasePerDatasetPlusTheHeadlineAndNamesStayText() throws Exception {
    RunComparison comparison =
        new RunComparison(
            "mmeb-v1",
            "base <b>&\"",
            "cand\u0001",
            List.of(
                new ScoreDelta("ImageNet-1K", 60, 50, 0.0001, 1000),
                new ScoreDelta("<OK-VQA & \"x\">", 10, 10.5, 0.8, 1000)),
            List.of(new ScoreDelta("Overall", 35, 30.25, 0.0001, 2000)));
    List<RegressionGate.Verdict> verdicts = new RegressionGate(1, 3, 0.05).judge(comparison);
    String xml = JUnitXml.render(comparison, verdicts);

    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element suite = doc.getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(3);
    assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("Overall");
    assertThat(((Element) cases.item(1)).getAttribute("classname")).isEqualTo("mmeb-v1.dataset");
    assertThat(((Element) cases.item(2)).getAttribute("name")).isEqualTo("<OK-VQA & \"x\">");
    assertThat(((Element) cases.item(1)).getElementsByTagName("failure").getLength()).isEqualTo(1);
    assertThat(((Element) cases.item(2)).getElementsByTagName("failure").getLength()).isZero();
    assertThat(
            ((Element) cases.item(1)).getElementsByTagName("system-out").item(0).getTextContent())
        .isEqualTo("baseline 60.0, candidate 50.0, delta -10.0 points, p = 1.0e-04");
    NodeList properties = suite.getElementsByTagName("property");
    assertThat(((Element) properties.item(0)).getAttribute("value")).isEqualTo("base <b>&\"");
    assertThat(((Element) properties.item(1)).getAttribute("value")).isEqualTo("cand?");
  }
}
