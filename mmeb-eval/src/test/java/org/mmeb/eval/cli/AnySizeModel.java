package org.mmeb.eval.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A dual model spec whose vision graph takes pixels of any size
 * (scripts/make_any_size_vision_fixture.py) with the tiny text graph: prepared batches as large as
 * a real model's, from a 1 KB graph.
 */
final class AnySizeModel {
  private static final Path RESOURCES = Path.of("mmeb-eval/src/test/resources/encode");

  private AnySizeModel() {}

  /** Writes the model into {@code dir} with images resized to {@code side} x {@code side}. */
  static Path write(Path dir, int side) throws IOException {
    Files.createDirectories(dir);
    Files.copy(
        RESOURCES.resolve("any-size/vision.onnx"),
        dir.resolve("vision.onnx"),
        StandardCopyOption.REPLACE_EXISTING);
    for (String file : new String[] {"text.onnx", "tokenizer.json"}) {
      Files.copy(
          RESOURCES.resolve("tiny").resolve(file),
          dir.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Path spec = dir.resolve("spec.json");
    Files.writeString(
        spec,
        """
        {
          "name": "any-size",
          "architecture": "dual",
          "text_graph": {"file": "text.onnx", "input_ids": "input_ids",
                         "attention_mask": "attention_mask", "output": "text_embeds",
                         "pooling": "pooled"},
          "vision_graph": {"file": "vision.onnx", "pixel_values": "pixel_values",
                           "output": "image_embeds", "pooling": "pooled"},
          "tokenizer": {"file": "tokenizer.json", "max_length": 16, "pad_id": 0,
                        "pad_side": "right"},
          "image": {"resize": "exact", "size": SIDE, "rescale": 0.00392156862745098,
                    "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]},
          "instruction": {"mode": "strip"},
          "normalize": true
        }
        """
            .replace("SIDE", Integer.toString(side)));
    return spec;
  }
}
