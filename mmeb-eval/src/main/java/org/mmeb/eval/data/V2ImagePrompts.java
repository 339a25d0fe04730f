package org.mmeb.eval.data;

/**
 * The texts the VLM2Vec V2 image parsers compose from {@code qry_inst}/{@code qry_text} and {@code
 * tgt_inst}/{@code tgt_text} (src/data/eval_dataset/image_*.py, process_input_text in
 * src/model/processor.py), with {@link PromptTokens#IMAGE} as the image token. The {@code " \n"} to
 * {@code "\n"} replacement and the trailing newlines are the reference's ("to stay consistent with
 * v1 eval").
 */
public record V2ImagePrompts(PromptProfile profile) {
  /** The placeholder the data's instructions carry, which the parsers remove before composing. */
  private static final String IMAGE = PromptTokens.IMAGE;

  /** The texts with MMEB's placeholders (the default profile). */
  public static final V2ImagePrompts MMEB = new V2ImagePrompts(PromptProfile.MMEB);

  /** process_input_text: instruction, " " + text when text is non-empty, image token in front. */
  public String processInputText(String instruction, String text, boolean addImageToken) {
    return profile.processInputText(instruction, text, false, addImageToken);
  }

  /** image_cls and image_i2t queries: the instruction with its image token removed. */
  public String classificationQuery(String qryInst, String qryText) {
    String inst = qryInst.replace(IMAGE, "");
    return processInputText(inst, qryText, true).replace(" \n", "\n") + "\n";
  }

  /** image_qa and image_i2i_vg queries: the instruction stripped, on its own line. */
  public String questionQuery(String qryInst, String qryText) {
    String inst = "\n" + PythonStrings.strip(qryInst.replace(IMAGE, ""));
    return processInputText(inst, qryText, true).replace(" \n", "\n") + "\n";
  }

  /** image_t2i queries (no image); VisDial gets one more newline "to be consistent with v1". */
  public String textToImageQuery(String qryInst, String qryText, boolean visDial) {
    String query = qryInst + " " + qryText + "\n";
    return visDial ? query + "\n" : query;
  }

  /** image_t2i and image_i2i_vg candidates that carry a caption (WebQA, EDIS, RefCOCO-Matching). */
  public String captionedTarget(String tgtInst, String caption) {
    String inst = tgtInst.replace(IMAGE, "");
    return processInputText(inst + " " + caption, "", true).replace(" \n", "\n") + "\n";
  }

  /** Candidates without a caption: image_t2i ends them with a newline, image_i2i_vg does not. */
  public String bareTarget(String tgtInst, boolean trailingNewline) {
    String inst = tgtInst.replace(IMAGE, "");
    String text = processInputText(inst, "", true).replace(" \n", "\n");
    return trailingNewline ? text + "\n" : text;
  }

  /** Python's {@code str.strip('"')}. */
  public static String stripQuotes(String caption) {
    return PythonStrings.strip(caption, "\"");
  }
}
