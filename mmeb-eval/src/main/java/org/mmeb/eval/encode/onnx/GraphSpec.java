package org.mmeb.eval.encode.onnx;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One ONNX graph of a model: its file, the names of the inputs it takes (null = the graph has no
 * such input), the output to read and how to pool it into one vector per row.
 *
 * @param tokenTypeIds fed with zeros (BERT-style text graphs require it)
 */
public record GraphSpec(
    String file,
    @JsonProperty("input_ids") String inputIds,
    @JsonProperty("attention_mask") String attentionMask,
    @JsonProperty("token_type_ids") String tokenTypeIds,
    @JsonProperty("pixel_values") String pixelValues,
    String output,
    Pooling pooling) {

  public GraphSpec {
    pooling = pooling == null ? Pooling.POOLED : pooling;
  }

  boolean takesText() {
    return inputIds != null;
  }

  boolean takesPixels() {
    return pixelValues != null;
  }
}
