package org.mmeb.eval.encode.onnx;

import java.util.ArrayList;
import java.util.List;
import org.mmeb.eval.encode.text.TokenizerSpec;

/**
 * TensorRT optimisation profile of one graph: the smallest, typical and largest shape of each
 * input, in TensorRT's option syntax ({@code input_ids:1x8,attention_mask:1x8}). Without a profile
 * TensorRT builds an engine for the first shape it sees and rebuilds for every larger one, which
 * with length-sorted batches is almost every text batch.
 */
record ShapeProfile(String min, String opt, String max) {
  static final ShapeProfile NONE = new ShapeProfile("", "", "");

  /** Rows of the largest batch a profile covers: 64 items of 8 video frames. */
  static final int MAX_ROWS = 512;

  /** Rows TensorRT tunes for: the default batch size. */
  static final int OPT_ROWS = 32;

  /** The profile of {@code graph}: tokens up to the tokenizer's max length, the image size. */
  static ShapeProfile of(GraphSpec graph, ModelSpec model) {
    Shapes shapes = new Shapes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    if (graph.inputIds() != null && model.tokenizer() != null) {
      addTokenShapes(graph, model.tokenizer(), shapes);
    }
    if (graph.pixelValues() != null && model.image() != null) {
      String image = "x3x" + model.image().tensorHeight() + "x" + model.image().tensorWidth();
      shapes.add(graph.pixelValues(), "1" + image, OPT_ROWS + image, MAX_ROWS + image);
    }
    return shapes.profile();
  }

  /** Text inputs: 1 to {@code max_length} tokens (always max_length when padded to it). */
  private static void addTokenShapes(GraphSpec graph, TokenizerSpec tokenizer, Shapes shapes) {
    int longest = tokenizer.maxLength();
    boolean fixed = tokenizer.padTo() == TokenizerSpec.PadTo.MAX_LENGTH;
    int typical = fixed ? longest : Math.min(longest, Math.max(8, (longest / 2 + 7) / 8 * 8));
    for (String name :
        new String[] {graph.inputIds(), graph.attentionMask(), graph.tokenTypeIds()}) {
      if (name != null) {
        shapes.add(
            name, "1x" + (fixed ? longest : 1), OPT_ROWS + "x" + typical, MAX_ROWS + "x" + longest);
      }
    }
  }

  /** Each input's smallest, typical and largest shape, as {@code name:shape}, in input order. */
  private record Shapes(List<String> min, List<String> opt, List<String> max) {
    void add(String input, String smallest, String typical, String largest) {
      min.add(input + ":" + smallest);
      opt.add(input + ":" + typical);
      max.add(input + ":" + largest);
    }

    ShapeProfile profile() {
      return min.isEmpty()
          ? NONE
          : new ShapeProfile(String.join(",", min), String.join(",", opt), String.join(",", max));
    }
  }

  boolean isEmpty() {
    return min.isEmpty();
  }
}
