package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateNumberingTest {
  private static Item label(String text) {
    return ItemKeys.byContent(text, "");
  }

  @Test
  void numbersKeysInOrderOfFirstAppearanceAndSharesEqualItems() {
    CandidateNumbering numbering = new CandidateNumbering();
    Item cat = label("cat");
    NumberedCandidates first = numbering.number(List.of(cat, label("dog"), label("cat")));
    NumberedCandidates second =
        numbering.number(List.of(label(new String("dog")), label("bird"), label("cat")));

    assertThat(List.of(first.number(0), first.number(1), first.number(2))).containsExactly(0, 1, 0);
    assertThat(List.of(second.number(0), second.number(1), second.number(2)))
        .containsExactly(1, 2, 0);
    assertThat(first).containsExactly(label("cat"), label("dog"), label("cat"));
    assertThat(second.get(2)).isSameAs(cat);
    assertThat(first.get(2)).isSameAs(cat);
    assertThat(numbering.size()).isEqualTo(3);
    assertThat(numbering.key(2)).isEqualTo(label("bird").key());
    assertThat(numbering.numberOf(label("dog").key())).isEqualTo(1);
    assertThat(numbering.numberOf("never a candidate")).isEqualTo(-1);
    assertThat(numbering.distinct()).containsExactly(label("cat"), label("dog"), label("bird"));
  }

  @Test
  void aCandidateSharingOnlyTheKeyStaysTheRowsOwn() {
    // V2 keys candidates by name: the same name may come with another instruction in another row
    CandidateNumbering numbering = new CandidateNumbering();
    numbering.number(List.of(new Item("apple", "Represent: apple", List.of())));
    Item other = new Item("apple", "Find: apple", List.of("a.jpg"));
    NumberedCandidates row = numbering.number(List.of(other));
    assertThat(row.get(0)).isSameAs(other);
    assertThat(row.number(0)).isZero();
  }

  @Test
  void rowsKeepTheirNumberedCandidatesAndCompareAsLists() {
    CandidateNumbering numbering = new CandidateNumbering();
    List<Item> items = List.of(label("a"), label("b"));
    QueryRow row =
        new QueryRow(0, label("q"), numbering.number(items), Map.of(label("a").key(), 1.0));
    assertThat(row.candidates()).isInstanceOf(NumberedCandidates.class).isEqualTo(items);
    assertThat(row).isEqualTo(new QueryRow(0, label("q"), items, Map.of(label("a").key(), 1.0)));
    assertThatThrownBy(() -> row.candidates().add(label("c")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> row.candidates().get(2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void rowsNumberedApartOrNotAtAllAreNumberedAgainInRowOrder() {
    Item q = label("q");
    QueryRow plain = new QueryRow(0, q, List.of(label("b"), label("a")), Map.of());
    QueryRow apart =
        new QueryRow(1, q, new CandidateNumbering().number(List.of(label("a"))), Map.of());
    QueryRow empty = new QueryRow(2, q, List.of(), Map.of(label("z").key(), 1.0));
    assertThat(CandidateNumbering.sharedBy(List.of(plain, apart))).isNull();
    assertThat(CandidateNumbering.sharedBy(List.of())).isNull();

    List<QueryRow> numbered = CandidateNumbering.rows(List.of(plain, apart, empty));

    assertThat(numbered).isEqualTo(List.of(plain, apart, empty));
    CandidateNumbering shared = CandidateNumbering.sharedBy(numbered);
    assertThat(shared).isNotNull();
    assertThat(shared.distinct()).containsExactly(label("b"), label("a"));
    assertThat(((NumberedCandidates) numbered.get(1).candidates()).number(0)).isEqualTo(1);
    assertThat(CandidateNumbering.rows(numbered)).isSameAs(numbered);
  }
}
