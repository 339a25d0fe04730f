package org.mmeb.eval.encode.onnx;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.mmeb.eval.encode.image.ImageSpec;
import org.mmeb.eval.encode.text.InstructionSpec;
import org.mmeb.eval.encode.text.TokenizerSpec;

/**
 * An ONNX embedding model as data, read from a JSON file; relative file names resolve against the
 * spec file's folder. A {@code dual} model (CLIP, SigLIP) has a text graph and a vision graph; a
 * {@code single} model has one graph taking ids, mask and pixels. See README "Model spec".
 *
 * @param normalize L2-normalise the final embedding (after fusing text and image features)
 */
public record ModelSpec(
    String name,
    Architecture architecture,
    @JsonProperty("text_graph") GraphSpec textGraph,
    @JsonProperty("vision_graph") GraphSpec visionGraph,
    GraphSpec graph,
    TokenizerSpec tokenizer,
    ImageSpec image,
    InstructionSpec instruction,
    Boolean normalize) {

  /** How many graphs and how text and images meet. */
  public enum Architecture {
    /** Text graph + vision graph; a text+image item is the sum of both unnormalised features. */
    @JsonProperty("dual")
    DUAL,
    /** One graph taking ids, attention mask and pixels. */
    @JsonProperty("single")
    SINGLE
  }

  public ModelSpec {
    instruction = instruction == null ? InstructionSpec.STRIP : instruction;
  }
}
