package org.mmeb.eval.report.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReproductionTest {
  private static Map<String, BigDecimal> cells(Object... nameValue) {
    Map<String, BigDecimal> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      map.put((String) nameValue[i], new BigDecimal((String) nameValue[i + 1]));
    }
    return map;
  }

  @Test
  void flagsCellsBeyondToleranceAndListsMissingOnes() {
    Reproduction r =
        Reproduction.of(
            "CLIP",
            new BigDecimal("0.5"),
            cells("ImageNet-1K", "55.8", "N24News", "35.3", "OK-VQA", "7.0"),
            cells("ImageNet-1K", "55.8", "N24News", "34.7", "OK-VQA", "7.5", "VOC2007", "50.7"),
            cells("CLS", "42.0"),
            cells("CLS", "42.8", "Overall", "37.8"));
    assertThat(r.datasets())
        .extracting(Reproduction.Cell::name)
        .containsExactly("ImageNet-1K", "N24News", "OK-VQA", "VOC2007");
    // +0.6 is beyond 0.5; -0.5 is not (exact decimals, no binary noise); VOC2007 is missing
    assertThat(r.flagged()).extracting(Reproduction.Cell::name).containsExactly("N24News", "CLS");
    assertThat(r.datasets().get(1).delta()).isEqualByComparingTo("0.6");
    assertThat(r.datasets().get(2).flagged()).isFalse();
    assertThat(r.missingDatasets()).isEqualTo(1);
    assertThat(r.aggregates().get(1).missing()).isTrue();

    String text = ReproductionText.render("my-run", r);
    assertThat(text)
        .contains("N24News                         35.3    34.7    +0.6  BEYOND TOLERANCE")
        .contains("VOC2007                            -    50.7       -  missing")
        .contains("2 of 6 cells beyond tolerance; 1 of 4 datasets missing from the run");
  }
}
