package org.mmeb.eval.data.synth;

import java.util.List;
import java.util.Random;

/** The texts of mmeb-mini, written in the style of the MMEB task they stand for. */
final class MiniPrompts {
  static final String CLS_QUERY = "<|image_1|>\nRepresent the given image for classification";
  static final String VQA_QUERY =
      "<|image_1|>\nRepresent the given image with the following question: ";
  static final String COLOUR_QUESTION = "What is the colour of the shape?";
  static final String SHAPE_QUESTION = "What shape is shown in the image?";
  static final String I2T_QUERY =
      "<|image_1|>\nFind an image caption describing the given everyday image.";
  static final String T2I_INST = "Find me an everyday image that matches the given caption:";
  static final String T2I_TARGET_INST = "<|image_1|>\nRepresent the given image.";
  static final String GD_INST =
      "<|image_1|>\nSelect the portion of the image that isolates the object labeled as";
  static final String GD_TARGET_INST =
      "<|image_1|>\nRepresent the given cropped image of the object";
  static final String VIDEO_INSTRUCTION = "What shape and colour does the video show?";
  private static final List<String> CAPTIONS =
      List.of("a %s", "a picture of a %s", "a %s on a grey background", "the %s in the image");
  private static final List<String> DOC_QUERIES =
      List.of("Which page shows a %s?", "a document with a %s", "Find the page about the %s");

  private MiniPrompts() {}

  static String caption(Concept concept, Random random) {
    return String.format(CAPTIONS.get(random.nextInt(CAPTIONS.size())), concept.label());
  }

  static String docQuery(Concept concept, Random random) {
    return String.format(DOC_QUERIES.get(random.nextInt(DOC_QUERIES.size())), concept.label());
  }

  static String quoted(Concept concept) {
    return "\"" + concept.label() + "\"";
  }
}
