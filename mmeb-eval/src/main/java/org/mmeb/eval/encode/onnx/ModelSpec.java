package org.mmeb.eval.encode.onnx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.mmeb.eval.data.PromptProfile;
import org.mmeb.eval.encode.image.ImageSpec;
import org.mmeb.eval.encode.text.InstructionSpec;
import org.mmeb.eval.encode.text.TokenizerSpec;

/**
 * An ONNX embedding model as data, read from a JSON file; relative file names resolve against the
 * spec file's folder. A {@code dual} model (CLIP, SigLIP) has a text graph and a vision graph; a
 * {@code single} model has one graph taking ids, mask and pixels. See README "Model spec".
 *
 * @param normalize L2-normalise the final embedding (after fusing text and image features)
 * @param promptProfile the backbone whose texts the readers compose ({@link PromptProfile}); null =
 *     MMEB's placeholders, which {@code instruction} handles. With a profile, {@code instruction}
 *     defaults to {@code keep}: the texts already carry the backbone's own tokens.
 * @param emptyText whether a dual model adds the text tower's embedding of an image's empty text;
 *     null = {@link EmptyText#IMAGE_ONLY}
 * @param batchDependent declares that the graphs make an item's vector depend on its batch
 *     (SigLIP's text tower reads the last, padded, position); see {@link #dependsOnBatch()}
 * @param traceTemplate where a reasoning trace goes in a query's text ({@code {query}}, {@code
 *     {trace}}; default: the query, a newline, the trace), for runs with traces
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
    Boolean normalize,
    // Left null when absent so that specs without it keep their fingerprint.
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("empty_text") EmptyText emptyText,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("prompt_profile") String promptProfile,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("batch_dependent")
        Boolean batchDependent,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("trace_template")
        String traceTemplate) {

  /** How many graphs and how text and images meet. */
  public enum Architecture {
    /** Text graph + vision graph; a text+image item is the sum of both unnormalised features. */
    @JsonProperty("dual")
    DUAL,
    /** One graph taking ids, attention mask and pixels. */
    @JsonProperty("single")
    SINGLE
  }

  /**
   * What a dual model does with an item that has images and an empty text. VLM2Vec's V1 baseline
   * scripts fuse the text tower's embedding of {@code ""} in two ways: LAVIS's BLIP-2 always (its
   * text input is a one-element list, never falsy); the CLIP, OpenCLIP and SigLIP collators for
   * every row of a batch in which any row has a non-empty text.
   */
  public enum EmptyText {
    /** The image features alone (a blank text is no text). */
    @JsonProperty("image_only")
    IMAGE_ONLY,
    /** Always add the text tower's embedding of the (empty) text. */
    @JsonProperty("fuse")
    FUSE,
    /**
     * Add it when any item of the same batch has a non-empty text, else the image alone; so the
     * vector depends on which items share the batch.
     */
    @JsonProperty("fuse_if_batch_has_text")
    FUSE_IF_BATCH_HAS_TEXT
  }

  /**
   * Whether an item's vector depends on which items share its batch: declared ({@code
   * batch_dependent}) or implied by {@link EmptyText#FUSE_IF_BATCH_HAS_TEXT}.
   */
  public boolean dependsOnBatch() {
    return Boolean.TRUE.equals(batchDependent)
        || emptyTextRule() == EmptyText.FUSE_IF_BATCH_HAS_TEXT;
  }

  public EmptyText emptyTextRule() {
    return emptyText == null ? EmptyText.IMAGE_ONLY : emptyText;
  }

  public ModelSpec {
    PromptProfile.named(promptProfile); // an unknown name fails when the spec is read
    instruction =
        instruction != null
            ? instruction
            : promptProfile == null ? InstructionSpec.STRIP : InstructionSpec.KEEP;
  }
}
