package org.mmeb.eval.encode.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.mmeb.eval.Json;

/**
 * sha256 over the model's bytes (graphs, their external-data files, the tokenizer) and its spec
 * without the display name: two specs that embed identically share a fingerprint, and any change to
 * a weight or a preprocessing number gives a new one.
 */
final class ModelFingerprint {
  private ModelFingerprint() {}

  static String of(ModelSpec spec, List<Path> files) {
    MessageDigest sha = sha256();
    sha.update(canonicalJson(configThatChangesVectors(spec)));
    try {
      for (Path file : files) {
        for (Path part : withExternalData(file)) {
          digest(sha, part);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static byte[] canonicalJson(ObjectNode config) {
    try {
      return Json.STRICT_ALLOW_MISSING.writeValueAsString(config).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The spec without what cannot change a vector: its name, file names, the trace's place. */
  private static ObjectNode configThatChangesVectors(ModelSpec spec) {
    ObjectNode config = Json.STRICT_ALLOW_MISSING.valueToTree(spec);
    config.remove("name");
    // the trace's place is in the query text, which the cache keys already cover
    config.remove("trace_template");
    for (String part : new String[] {"text_graph", "vision_graph", "graph", "tokenizer"}) {
      if (config.get(part) instanceof ObjectNode node) {
        node.remove("file");
      }
    }
    return config;
  }

  /** The graph file plus files named after it, e.g. {@code model.onnx_data} (weights over 2 GB). */
  private static List<Path> withExternalData(Path file) throws IOException {
    String name = file.getFileName().toString();
    try (Stream<Path> siblings = Files.list(file.toAbsolutePath().getParent())) {
      return siblings.filter(p -> p.getFileName().toString().startsWith(name)).sorted().toList();
    }
  }

  private static void digest(MessageDigest sha, Path file) throws IOException {
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
