package org.mmeb.eval.reason;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;
import org.mmeb.eval.data.QueryRow;
import org.mmeb.eval.data.TaskData;
import org.mmeb.eval.result.Reasoning;

/**
 * Traces written elsewhere, one JSON object per line: {@code task}, the query's item {@code key}
 * (or its 0-based source {@code row}), {@code trace}, and optionally {@code reasoner}. A bad line
 * stops the run with one line naming the file and line number.
 */
public final class TraceFile implements TraceSource {
  private static final Set<String> FIELDS = Set.of("task", "key", "row", "trace", "reasoner");

  private record Entry(int line, String key, Integer row, String trace) {}

  private final Path file;
  private final String reasoner;
  private final Map<String, List<Entry>> byTask = new HashMap<>();
  private final PrintWriter log;

  public TraceFile(Path file, String reasonerName, PrintWriter log) {
    this.file = file;
    this.log = log;
    Set<String> reasoners = new HashSet<>();
    read(reasoners);
    this.reasoner =
        reasonerName != null
            ? reasonerName
            : reasoners.size() == 1 ? reasoners.iterator().next() : file.getFileName().toString();
  }

  private void read(Set<String> reasoners) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (!line.isBlank()) {
          add(parse(line, number), number, reasoners);
        }
      }
    } catch (IOException e) {
      throw new UserError(file + ": cannot read the traces file: " + e.getMessage(), e);
    }
  }

  private JsonNode parse(String line, int number) {
    try {
      JsonNode node = Json.PLAIN.readTree(line);
      if (node == null || !node.isObject()) {
        throw error(number, "expected a JSON object");
      }
      checkFields(node, number);
      return node;
    } catch (IOException e) {
      throw error(number, "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private void checkFields(JsonNode node, int number) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                throw error(number, "unknown field '" + name + "' (expected " + FIELDS + ")");
              }
            });
  }

  private void add(JsonNode node, int number, Set<String> reasoners) {
    String task = text(node, "task", number);
    String trace = text(node, "trace", number);
    Entry entry = entry(node, number, hasKey(node, number), trace);
    byTask.computeIfAbsent(task, t -> new java.util.ArrayList<>()).add(entry);
    if (node.has("reasoner")) {
      reasoners.add(text(node, "reasoner", number));
    }
  }

  /** Whether the line names its query by item key; else by an integer row (checked). */
  private boolean hasKey(JsonNode node, int number) {
    boolean hasKey = node.has("key");
    if (hasKey == node.has("row")) {
      throw error(number, "give exactly one of 'key' (the query's item key) and 'row'");
    }
    if (!hasKey && !node.get("row").canConvertToInt()) {
      throw error(number, "'row' must be an integer");
    }
    return hasKey;
  }

  private Entry entry(JsonNode node, int number, boolean hasKey, String trace) {
    return new Entry(
        number,
        hasKey ? text(node, "key", number) : null,
        hasKey ? null : node.get("row").intValue(),
        trace);
  }

  private String text(JsonNode node, String field, int number) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw error(number, "'" + field + "' must be a string");
    }
    return value.asText();
  }

  private UserError error(int line, String message) {
    return new UserError(file + " line " + line + ": " + message);
  }

  @Override
  public String reasoner() {
    return reasoner;
  }

  @Override
  public Map<String, Trace> traces(TaskData data) {
    Map<String, String> keyByRow = keyByRow(data);
    Set<String> keys = new HashSet<>(keyByRow.values());
    Map<String, Trace> out = new LinkedHashMap<>();
    int unmatched = 0;
    for (Entry entry : byTask.getOrDefault(data.spec().name(), List.of())) {
      String key = entry.key() != null ? entry.key() : keyByRow.get(entry.row().toString());
      if (key != null && keys.contains(key)) {
        putOnce(out, key, entry, data.spec().name());
      } else {
        unmatched++;
      }
    }
    warnUnmatched(data.spec().name(), unmatched);
    return out;
  }

  /** Each row's query key, by the row number as written in the file. */
  private static Map<String, String> keyByRow(TaskData data) {
    Map<String, String> keyByRow = new HashMap<>();
    for (QueryRow row : data.rows()) {
      keyByRow.put(Integer.toString(row.row()), row.query().key());
    }
    return keyByRow;
  }

  private void putOnce(Map<String, Trace> out, String key, Entry entry, String task) {
    if (out.put(key, new Trace(entry.trace(), 0, 0, false)) != null) {
      throw error(entry.line(), "a second trace for the same query of " + task);
    }
  }

  private void warnUnmatched(String task, int unmatched) {
    if (unmatched > 0) {
      log.printf(
          "%s: %d traces for %s match no query of the data (stale, or another benchmark's)%n",
          file, unmatched, task);
    }
  }

  @Override
  public Reasoning describe(String template, Map<String, Reasoning.TaskTraces> tasks) {
    return new Reasoning(reasoner, "file", file.toString(), null, null, Map.of(), template, tasks);
  }
}
