package org.mmeb.eval.encode.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mmeb.eval.Json;
import org.mmeb.eval.JsonInput;
import org.mmeb.eval.UserError;

/** Reads and checks model spec files; every problem is one line naming the file. */
public final class ModelSpecs {
  private ModelSpecs() {}

  public static ModelSpec read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": model spec file not found");
    }
    ModelSpec spec;
    try {
      spec = Json.STRICT_ALLOW_MISSING.readValue(file.toFile(), ModelSpec.class);
    } catch (IOException | RuntimeException e) {
      throw new UserError(file + ": not a valid model spec: " + JsonInput.problem(e), e);
    }
    check(file, spec);
    return spec;
  }

  /** The spec's {@code name}, else its file name: how results and servers call the model. */
  public static String displayName(Path file) {
    String name = read(file).name();
    return name != null ? name : file.getFileName().toString();
  }

  private static void check(Path file, ModelSpec spec) {
    if (spec.architecture() == null) {
      fail(file, "'architecture' is required: dual or single");
    }
    if (spec.normalize() == null) {
      fail(file, "'normalize' is required: true to L2-normalise embeddings, false to keep them");
    }
    boolean dual = spec.architecture() == ModelSpec.Architecture.DUAL;
    if (dual && spec.graph() != null) {
      fail(file, "a dual model has 'text_graph' and 'vision_graph', not 'graph'");
    }
    if (dual && spec.textGraph() == null && spec.visionGraph() == null) {
      fail(file, "a dual model needs 'text_graph', 'vision_graph' or both");
    }
    if (!dual && (spec.graph() == null || spec.textGraph() != null || spec.visionGraph() != null)) {
      fail(file, "a single model has exactly one 'graph' (no text_graph / vision_graph)");
    }
    if (dual) {
      checkGraph(file, "text_graph", spec.textGraph(), true, false);
      checkGraph(file, "vision_graph", spec.visionGraph(), false, true);
    } else {
      // a single graph takes text, and pixels when it names its image input (text-only otherwise)
      checkGraph(file, "graph", spec.graph(), true, spec.graph().pixelValues() != null);
    }
    if (!dual && spec.emptyText() != null) {
      fail(file, "'empty_text' is for dual models (a single graph always takes the text)");
    }
    boolean text = dual ? spec.textGraph() != null : true;
    boolean pixels = dual ? spec.visionGraph() != null : spec.graph().pixelValues() != null;
    if (text && spec.tokenizer() == null) {
      fail(file, "a model with a text input needs 'tokenizer'");
    }
    if (pixels && spec.image() == null) {
      fail(file, "a model with a pixel input needs 'image' preprocessing");
    }
  }

  private static void checkGraph(
      Path file, String role, GraphSpec graph, boolean needsIds, boolean needsPixels) {
    if (graph == null) {
      return;
    }
    if (graph.file() == null || graph.output() == null) {
      fail(file, role + " needs 'file' and 'output'");
    }
    if (needsIds && graph.inputIds() == null) {
      fail(file, role + " needs 'input_ids' (the name of the graph's token id input)");
    }
    if (needsPixels && graph.pixelValues() == null) {
      fail(file, role + " needs 'pixel_values' (the name of the graph's image input)");
    }
    if (!needsIds && graph.inputIds() != null || !needsPixels && graph.pixelValues() != null) {
      fail(file, role + " takes " + (needsIds ? "text only" : "pixels only"));
    }
  }

  private static void fail(Path file, String message) {
    throw new UserError(file + ": " + message);
  }
}
