package org.mmeb.eval.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmeb.eval.data.CandidateNumbering;
import org.mmeb.eval.data.Item;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;

class UniqueItemsTest {
  private static Item item(String key, String text) {
    return new Item(key, text, List.of());
  }

  @Test
  void numberedRowsGiveTheItemsPlainRowsGive() {
    List<QueryRow> rows = new ArrayList<>();
    rows.add(row(0, item("q0", "q0"), item("b", "b"), item("a", "a"), item("b", "b")));
    // a query's key among the candidates: the query's item wins (queries come first)
    rows.add(row(1, item("a", "query a"), item("q0", "not the query"), item("c", "c")));
    // a name-keyed candidate with other content: the first occurrence wins
    rows.add(row(2, item("q2", "q2"), item("c", "other c"), item("d", "d"), item("a", "a")));
    rows.add(row(3, item("q3", "q3")));
    List<QueryRow> numbered = CandidateNumbering.rows(rows);
    for (List<QueryRow> order : List.of(numbered, reversed(numbered))) {
      assertThat(CandidateNumbering.sharedBy(order)).isNotNull();
      List<Item> expected = UniqueItems.of(data(plain(order)));
      assertThat(UniqueItems.of(data(order))).isEqualTo(expected);
      assertThat(UniqueItems.of(data(order)).stream().map(Item::key)).doesNotHaveDuplicates();
    }
    assertThat(UniqueItems.of(data(numbered)))
        .containsExactly(
            item("q0", "q0"),
            item("a", "query a"),
            item("q2", "q2"),
            item("q3", "q3"),
            item("b", "b"),
            item("c", "c"),
            item("d", "d"));
    assertThat(UniqueItems.of(data(reversed(numbered))))
        .contains(item("c", "other c"))
        .doesNotContain(item("c", "c"));
  }

  private static QueryRow row(int i, Item query, Item... candidates) {
    return new QueryRow(i, query, List.of(candidates), Map.of());
  }

  private static List<QueryRow> reversed(List<QueryRow> rows) {
    List<QueryRow> reversed = new ArrayList<>(rows);
    Collections.reverse(reversed);
    return reversed;
  }

  private static List<QueryRow> plain(List<QueryRow> rows) {
    return rows.stream()
        .map(r -> new QueryRow(r.row(), r.query(), new ArrayList<>(r.candidates()), r.relevance()))
        .toList();
  }

  private static TaskData data(List<QueryRow> rows) {
    return new TaskData(null, rows, List.of(), null); // UniqueItems reads rows and candidates only
  }
}
