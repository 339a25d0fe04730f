package org.mmeb.eval.encode.onnx;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target for our own reader of ONNX graphs ({@link GraphWiring}, behind {@link
 * TokenEmbeddingTable}), which walks a model protobuf a stranger may hand us before ONNX Runtime
 * sees it. The contract: a table or none, never an exception, an {@link OutOfMemoryError} or a
 * hang. Seeded with a small real graph (a Cast then a Gather on the ids); run by {@code
 * scripts/fuzz.sh}.
 */
class OnnxGraphFuzzTest {
  private static Path dir;

  @BeforeAll
  static void makeDir() throws IOException {
    dir = Files.createTempDirectory("mmeb-fuzz-onnx");
  }

  @AfterAll
  static void removeDir() throws IOException {
    Files.deleteIfExists(dir.resolve("text.onnx"));
    Files.deleteIfExists(dir);
  }

  @FuzzTest(maxDuration = "60s")
  void tokenEmbeddingTable(byte[] bytes) throws IOException {
    TokenEmbeddingTable.of(Files.write(dir.resolve("text.onnx"), bytes), "input_ids");
  }
}
