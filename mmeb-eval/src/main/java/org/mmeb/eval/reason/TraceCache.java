package org.mmeb.eval.reason;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.mmeb.eval.Json;
import org.mmeb.eval.UserError;

/**
 * Traces already generated for one task, in an append-only JSON-lines file: {@code {"key", "trace",
 * "prompt_tokens", "completion_tokens"}}, one line per trace, forced to disk before {@link #put}
 * returns, so a run killed even with {@code kill -9} asks the reasoner again only for what was not
 * written. A line cut short by a kill (no newline, or not JSON) ends the readable part and is
 * overwritten by the next append. The key covers everything that determines a trace ({@link
 * TraceKeys}), so a changed query, prompt, reasoner or decoding setting is never answered from
 * here.
 */
final class TraceCache implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final Map<String, Trace> traces = new HashMap<>();

  private TraceCache(Path file) throws IOException {
    this.file = file;
    Files.createDirectories(file.toAbsolutePath().getParent());
    long valid = Files.exists(file) ? readLines() : 0;
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    channel.truncate(valid);
    channel.position(valid);
  }

  static TraceCache open(Path file) {
    try {
      return new TraceCache(file);
    } catch (IOException e) {
      throw new UserError("cannot open the trace cache " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads every complete line; returns the byte length they cover. */
  private long readLines() throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    long valid = 0;
    int start = 0;
    for (int end = indexOf(bytes, start); end >= 0; end = indexOf(bytes, start)) {
      JsonNode line = parse(new String(bytes, start, end - start, StandardCharsets.UTF_8));
      if (line == null) {
        break;
      }
      traces.put(line.get("key").asText(), cached(line));
      start = end + 1;
      valid = start;
    }
    return valid;
  }

  /** A trace read back from the cache: not requested in this run. */
  private static Trace cached(JsonNode line) {
    return new Trace(
        line.get("trace").asText(),
        line.path("prompt_tokens").asLong(),
        line.path("completion_tokens").asLong(),
        false);
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private JsonNode parse(String line) {
    try {
      JsonNode node = Json.PLAIN.readTree(line);
      boolean complete =
          node != null && node.path("key").isTextual() && node.path("trace").isTextual();
      return complete ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  synchronized Trace get(String key) {
    return traces.get(key);
  }

  synchronized int size() {
    return traces.size();
  }

  /** Appends a trace and forces it to disk. */
  synchronized void put(String key, Trace trace) {
    var line =
        Json.PLAIN
            .createObjectNode()
            .put("key", key)
            .put("trace", trace.text())
            .put("prompt_tokens", trace.promptTokens())
            .put("completion_tokens", trace.completionTokens());
    try {
      channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(false);
    } catch (IOException e) {
      throw new UserError("cannot write the trace cache " + file + ": " + e.getMessage(), e);
    }
    traces.put(key, trace);
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
