package org.mmeb.eval.data.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmeb.eval.UserError;

/** JSON and JSON Lines tables (written here as text, the way the hub's files are). */
class TableFilesTest {
  @TempDir Path dir;

  private List<String> read(String name, String text, String column) throws IOException {
    Path file = Files.writeString(dir.resolve(name), text);
    List<String> values = new ArrayList<>();
    TableFiles.forEachRow(
        file, List.of(column), row -> values.add(row.row() + ":" + row.id(column)));
    return values;
  }

  @Test
  void jsonLinesArraysAndConcatenatedObjectsAllRead() throws IOException {
    assertThat(read("a.jsonl", "{\"v\": \"x\"}\n\n{\"v\": 12}\n", "v"))
        .containsExactly("0:x", "1:12");
    assertThat(read("b.json", "[{\"v\": \"x\"}, {\"v\": \"y\"}]", "v"))
        .containsExactly("0:x", "1:y");
    assertThat(read("c.json", "{\"v\": \"x\"}\n{\"v\": \"y\"}\n", "v"))
        .containsExactly("0:x", "1:y");
  }

  @Test
  void typedAccessorsNameFileRowAndColumn() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("t.jsonl"), "{\"a\": [\"p\", \"q\"], \"n\": 1.5}\n{\"a\": [\"p\", 3]}\n");
    List<List<String>> lists = new ArrayList<>();
    assertThatThrownBy(
            () -> TableFiles.forEachRow(file, List.of("a"), row -> lists.add(row.stringList("a"))))
        .isInstanceOf(UserError.class)
        .hasMessage(file + " row 1 column 'a': list element 1 is number, not a string");
    assertThat(lists).containsExactly(List.of("p", "q"));
    assertThatThrownBy(() -> TableFiles.forEachRow(file, List.of("a"), row -> row.string("a")))
        .hasMessage(file + " row 0 column 'a': expected a string, found array");
  }

  @Test
  void aMissingColumnAndBrokenJsonAreOneLineErrors() throws IOException {
    Path missing = Files.writeString(dir.resolve("m.jsonl"), "{\"a\": 1}\n");
    assertThatThrownBy(() -> TableFiles.forEachRow(missing, List.of("b"), row -> {}))
        .isInstanceOf(UserError.class)
        .hasMessage(missing + " row 0 column 'b': missing column (found: [a])");
    Path broken = Files.writeString(dir.resolve("x.jsonl"), "{\"a\": 1}\n{\"a\": \n");
    assertThatThrownBy(() -> TableFiles.forEachRow(broken, List.of("a"), row -> {}))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(broken + ": not valid JSON at row 1 (line ");
  }
}
