package org.mmeb.eval.reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmeb.eval.UserError;

/** A bad line of a traces file stops the run with one line naming the file and the line number. */
class TraceFileTest {
  private static final String GOOD = "{\"task\": \"T\", \"key\": \"k0\", \"trace\": \"t\"}";
  private static final String ONE_OF = "give exactly one of 'key' (the query's item key) and 'row'";

  @TempDir Path dir;

  static Stream<Arguments> badLines() {
    return Stream.of(
        Arguments.of("[1]", "expected a JSON object"),
        Arguments.of("not json", "not JSON: Unrecognized token 'not'"),
        Arguments.of(
            "{\"task\": \"T\", \"key\": \"k\", \"trace\": \"t\", \"extra\": 1}",
            "unknown field 'extra' (expected ["),
        Arguments.of("{\"task\": \"T\", \"trace\": \"t\"}", ONE_OF),
        Arguments.of("{\"task\": \"T\", \"key\": \"k\", \"row\": 1, \"trace\": \"t\"}", ONE_OF),
        Arguments.of(
            "{\"task\": \"T\", \"row\": \"1\", \"trace\": \"t\"}", "'row' must be an integer"),
        Arguments.of("{\"task\": 1, \"key\": \"k\", \"trace\": \"t\"}", "'task' must be a string"),
        Arguments.of("{\"task\": \"T\", \"key\": \"k\"}", "'trace' must be a string"),
        Arguments.of(
            "{\"task\": \"T\", \"key\": \"k\", \"trace\": \"t\", \"reasoner\": 2}",
            "'reasoner' must be a string"));
  }

  @ParameterizedTest
  @MethodSource("badLines")
  void aBadLineIsNamedWithItsNumber(String line, String message) throws Exception {
    Path file = dir.resolve("traces.jsonl");
    Files.writeString(file, GOOD + "\n\n" + line + "\n" + GOOD + "\n");
    assertThatThrownBy(() -> new TraceFile(file, null, new PrintWriter(new StringWriter())))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(file + " line 3: " + message)
        .hasMessageNotContaining("\n");
  }

  @Test
  void theReasonerIsTheOneTheFileNamesOrElseTheFileName() throws Exception {
    Path named = dir.resolve("named.jsonl");
    Files.writeString(
        named, "{\"task\": \"T\", \"row\": 0, \"trace\": \"t\", \"reasoner\": \"r1\"}\n");
    Path unnamed = dir.resolve("unnamed.jsonl");
    Files.writeString(unnamed, GOOD + "\n");
    PrintWriter log = new PrintWriter(new StringWriter());
    assertThat(new TraceFile(named, null, log).reasoner()).isEqualTo("r1");
    assertThat(new TraceFile(unnamed, null, log).reasoner()).isEqualTo("unnamed.jsonl");
    assertThat(new TraceFile(named, "mine", log).reasoner()).isEqualTo("mine");
  }
}
