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
    List<String> min = new ArrayList<>();
    List<String> opt = new ArrayList<>();
    List<String> max = new ArrayList<>();
    TokenizerSpec tokenizer = model.tokenizer();
    if (graph.inputIds() != null && tokenizer != null) {
      int longest = tokenizer.maxLength();
      boolean fixed = tokenizer.padTo() == TokenizerSpec.PadTo.MAX_LENGTH;
      int typical = fixed ? longest : Math.min(longest, Math.max(8, (longest / 2 + 7) / 8 * 8));
      for (String name :
          new String[] {graph.inputIds(), graph.attentionMask(), graph.tokenTypeIds()}) {
        if (name != null) {
          min.add(name + ":1x" + (fixed ? longest : 1));
          opt.add(name + ":" + OPT_ROWS + "x" + typical);
          max.add(name + ":" + MAX_ROWS + "x" + longest);
        }
      }
    }
    if (graph.pixelValues() != null && model.image() != null) {
      String image = "x3x" + model.image().tensorHeight() + "x" + model.image().tensorWidth();
      min.add(graph.pixelValues() + ":1" + image);
      opt.add(graph.pixelValues() + ":" + OPT_ROWS + image);
      max.add(graph.pixelValues() + ":" + MAX_ROWS + image);
    }
    return min.isEmpty()
        ? NONE
        : new ShapeProfile(String.join(",", min), String.join(",", opt), String.join(",", max));
  }

  boolean isEmpty() {
    return min.isEmpty();
  }
}
