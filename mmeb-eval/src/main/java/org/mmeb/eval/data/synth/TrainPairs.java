package org.mmeb.eval.data.synth;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.mmeb.eval.Json;
import org.mmeb.eval.data.BeirVisdocReader;
import org.mmeb.eval.data.PromptTokens;
import org.mmeb.eval.data.V2ImagePrompts;

/**
 * MMEB-train-style pairs for the demo model, one per line of {@code pairs.jsonl}. Texts are the
 * exact texts the readers give the encoder for each mmeb-mini task (V2 instructions already
 * composed), so the model trains on what it is evaluated on.
 */
final class TrainPairs {
  private static final int STYLES = 7;

  private TrainPairs() {}

  static void write(Path trainDir, Random random, int count) throws IOException {
    Path imageDir = trainDir.resolve("images");
    Files.createDirectories(imageDir);
    try (BufferedWriter out =
        Files.newBufferedWriter(trainDir.resolve("pairs.jsonl"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        out.write(Json.PLAIN.writeValueAsString(pair(i, imageDir, random)));
        out.write('\n');
      }
    }
  }

  private static Map<String, String> pair(int index, Path imageDir, Random random)
      throws IOException {
    Concept concept = Concept.random(random);
    String image = String.format("images/%06d.png", index);
    return switch (index % STYLES) {
      case 0 -> classification(imageDir, image, concept, random);
      case 1 -> question(imageDir, image, concept, random);
      case 2 -> captioned(imageDir, image, concept, random);
      case 3 -> textToImage(imageDir, image, concept, random);
      case 4 -> grounding(imageDir, index, concept, random);
      case 5 -> document(imageDir, image, index, concept, random);
      default -> video(imageDir, image, concept, random);
    };
  }

  private static Map<String, String> classification(
      Path imageDir, String image, Concept concept, Random random) throws IOException {
    return imageToText(imageDir, image, concept, random, MiniPrompts.CLS_QUERY, concept.label());
  }

  private static Map<String, String> question(
      Path imageDir, String image, Concept concept, Random random) throws IOException {
    boolean colour = random.nextBoolean();
    String question = colour ? MiniPrompts.COLOUR_QUESTION : MiniPrompts.SHAPE_QUESTION;
    String answer = colour ? concept.hue().word() : concept.form().word();
    return imageToText(imageDir, image, concept, random, MiniPrompts.VQA_QUERY + question, answer);
  }

  /** The caption is drawn from {@code random} before the image (the order fixes the bytes). */
  private static Map<String, String> captioned(
      Path imageDir, String image, Concept concept, Random random) throws IOException {
    String caption = MiniPrompts.caption(concept, random);
    return imageToText(imageDir, image, concept, random, MiniPrompts.I2T_QUERY, caption);
  }

  private static Map<String, String> textToImage(
      Path imageDir, String image, Concept concept, Random random) throws IOException {
    save(imageDir, image, ShapePainter.object(concept, MiniImages.SIZE, random));
    String query =
        V2ImagePrompts.MMEB.textToImageQuery(
            MiniPrompts.T2I_INST, MiniPrompts.caption(concept, random), false);
    return row(query, "", V2ImagePrompts.MMEB.bareTarget(MiniPrompts.T2I_TARGET_INST, true), image);
  }

  private static Map<String, String> document(
      Path imageDir, String image, int index, Concept concept, Random random) throws IOException {
    save(
        imageDir,
        image,
        ShapePainter.page("DOC " + index % 40, concept, MiniDocsAndVideos.PAGE_SIZE, random));
    String query =
        V2ImagePrompts.MMEB.processInputText(
            BeirVisdocReader.QUERY_INSTRUCTION, MiniPrompts.docQuery(concept, random), false);
    String target =
        V2ImagePrompts.MMEB.processInputText(BeirVisdocReader.TARGET_INSTRUCTION, "", true);
    return row(query, "", target, image);
  }

  private static Map<String, String> video(
      Path imageDir, String image, Concept concept, Random random) throws IOException {
    String query = PromptTokens.VIDEO + " " + MiniPrompts.VIDEO_INSTRUCTION;
    return imageToText(imageDir, image, concept, random, query, "a video of a " + concept.label());
  }

  private static Map<String, String> imageToText(
      Path imageDir, String image, Concept concept, Random random, String query, String target)
      throws IOException {
    save(imageDir, image, ShapePainter.object(concept, MiniImages.SIZE, random));
    return row(query, image, target, "");
  }

  /** A 2x2 scene with the target in one cell; the target is its crop. */
  private static Map<String, String> grounding(
      Path imageDir, int index, Concept target, Random random) throws IOException {
    int cell = MiniImages.SIZE / 2;
    BufferedImage scene = ShapePainter.canvas(MiniImages.SIZE, MiniImages.SIZE, random);
    int targetCell = random.nextInt(4);
    drawScene(scene, target, targetCell, random);
    String scenePath = String.format("images/%06d.png", index);
    String cropPath = String.format("images/%06d_crop.png", index);
    save(imageDir, scenePath, scene);
    save(
        imageDir,
        cropPath,
        ShapePainter.crop(
            scene, (targetCell % 2) * cell, (targetCell / 2) * cell, cell, MiniImages.SIZE));
    return groundingRow(target, scenePath, cropPath);
  }

  /** The target in its cell; each other cell holds a distractor or stays empty. */
  private static void drawScene(
      BufferedImage scene, Concept target, int targetCell, Random random) {
    int cell = MiniImages.SIZE / 2;
    for (int k = 0; k < 4; k++) {
      Concept concept = k == targetCell ? target : Concept.distractors(target, 1, random).get(0);
      if (k == targetCell || random.nextBoolean()) {
        int size = cell - 6 - random.nextInt(6);
        ShapePainter.draw(scene, concept, (k % 2) * cell + 3, (k / 2) * cell + 3, size, random);
      }
    }
  }

  private static Map<String, String> groundingRow(
      Concept target, String scenePath, String cropPath) {
    String query =
        V2ImagePrompts.MMEB.questionQuery(MiniPrompts.GD_INST, MiniPrompts.quoted(target));
    return row(
        query,
        scenePath,
        V2ImagePrompts.MMEB.bareTarget(MiniPrompts.GD_TARGET_INST, false),
        cropPath);
  }

  private static void save(Path imageDir, String relative, BufferedImage image) throws IOException {
    Files.write(imageDir.resolveSibling(relative), PngWriter.encode(image));
  }

  private static Map<String, String> row(
      String qryText, String qryImage, String tgtText, String tgtImage) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("qry_text", qryText);
    row.put("qry_img_path", qryImage);
    row.put("tgt_text", tgtText);
    row.put("tgt_img_path", tgtImage);
    return row;
  }
}
