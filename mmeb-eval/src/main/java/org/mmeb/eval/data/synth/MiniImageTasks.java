package org.mmeb.eval.data.synth;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The image tasks of mmeb-mini as parquet rows (V1 or V2 columns), drawing their images into a
 * {@link MiniImages}: classification, VQA, i2t (V1 layout), t2i and grounding (V2 layout).
 * Candidate 0 is always the positive; distractors never share the positive's concept.
 */
final class MiniImageTasks {
  static final int CANDIDATES = 20;
  static final int GROUNDING_CANDIDATES = 10;
  private final MiniImages images;

  MiniImageTasks(MiniImages images) {
    this.images = images;
  }

  List<Map<String, Object>> classification(String task, int queries, Random random) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      Concept concept = Concept.random(random);
      String path =
          images.add(path(task, i), ShapePainter.object(concept, MiniImages.SIZE, random));
      List<String> labels = new ArrayList<>(List.of(concept.label()));
      Concept.ALL.stream().filter(c -> !c.equals(concept)).forEach(c -> labels.add(c.label()));
      rows.add(v1(MiniPrompts.CLS_QUERY, path, labels, blanks(labels.size())));
    }
    return rows;
  }

  List<Map<String, Object>> questions(String task, int queries, Random random) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      Concept concept = Concept.random(random);
      String path =
          images.add(path(task, i), ShapePainter.object(concept, MiniImages.SIZE, random));
      boolean askColour = random.nextBoolean();
      List<String> answers = new ArrayList<>();
      String question = askColour ? MiniPrompts.COLOUR_QUESTION : MiniPrompts.SHAPE_QUESTION;
      answers.add(askColour ? concept.hue().word() : concept.form().word());
      if (askColour) {
        for (Concept.Hue hue : Concept.Hue.values()) {
          if (hue != concept.hue()) {
            answers.add(hue.word());
          }
        }
      } else {
        for (Concept.Form form : Concept.Form.values()) {
          if (form != concept.form()) {
            answers.add(form.word());
          }
        }
      }
      rows.add(v1(MiniPrompts.VQA_QUERY + question, path, answers, blanks(answers.size())));
    }
    return rows;
  }

  List<Map<String, Object>> imageToText(String task, int queries, Random random) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      Concept concept = Concept.random(random);
      String path =
          images.add(path(task, i), ShapePainter.object(concept, MiniImages.SIZE, random));
      List<String> captions = new ArrayList<>(List.of(MiniPrompts.caption(concept, random)));
      for (Concept other : Concept.distractors(concept, CANDIDATES - 1, random)) {
        captions.add(MiniPrompts.caption(other, random));
      }
      rows.add(v1(MiniPrompts.I2T_QUERY, path, captions, blanks(captions.size())));
    }
    return rows;
  }

  /** Candidates come from a shared pool (one image per concept) plus each row's own positive. */
  List<Map<String, Object>> textToImage(String task, int queries, Random random) {
    List<String> pool = new ArrayList<>();
    for (Concept concept : Concept.ALL) {
      String name = task + "/pool/" + concept.label().replace(' ', '_') + ".png";
      pool.add(images.add(name, ShapePainter.object(concept, MiniImages.SIZE, random)));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      Concept concept = Concept.random(random);
      String path =
          images.add(path(task, i), ShapePainter.object(concept, MiniImages.SIZE, random));
      List<String> paths = new ArrayList<>(List.of(path));
      for (Concept other : Concept.distractors(concept, CANDIDATES - 1, random)) {
        paths.add(pool.get(Concept.ALL.indexOf(other)));
      }
      rows.add(
          v2(
              MiniPrompts.T2I_INST,
              MiniPrompts.caption(concept, random),
              "",
              MiniPrompts.T2I_TARGET_INST,
              blanks(paths.size()),
              paths));
    }
    return rows;
  }

  /** A 2×2 scene of three objects; candidates are its own crops and crops of other scenes. */
  List<Map<String, Object>> grounding(String task, int queries, Random random) {
    int cell = MiniImages.SIZE / 2;
    List<String> crops = new ArrayList<>();
    List<Concept> cropConcepts = new ArrayList<>();
    List<String> scenes = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      BufferedImage scene = ShapePainter.canvas(MiniImages.SIZE, MiniImages.SIZE, random);
      List<Integer> cells = new ArrayList<>(List.of(0, 1, 2, 3));
      Collections.shuffle(cells, random);
      List<Concept> objects = Concept.distractors(Concept.random(random), 3, random);
      for (int k = 0; k < 3; k++) {
        int x = (cells.get(k) % 2) * cell;
        int y = (cells.get(k) / 2) * cell;
        ShapePainter.draw(
            scene, objects.get(k), x + 3, y + 3, cell - 6 - random.nextInt(6), random);
      }
      for (int k = 0; k < 3; k++) {
        int x = (cells.get(k) % 2) * cell;
        int y = (cells.get(k) / 2) * cell;
        String crop = task + "/crops/" + String.format("%04d_%d.png", i, k);
        crops.add(images.add(crop, ShapePainter.crop(scene, x, y, cell, MiniImages.SIZE)));
        cropConcepts.add(objects.get(k));
      }
      scenes.add(images.add(path(task, i), scene));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      Concept target = cropConcepts.get(3 * i);
      List<String> candidates = new ArrayList<>(crops.subList(3 * i, 3 * i + 3));
      for (int tries = 0; candidates.size() < GROUNDING_CANDIDATES && tries < 10_000; tries++) {
        int j = random.nextInt(crops.size());
        if (!cropConcepts.get(j).equals(target) && !candidates.contains(crops.get(j))) {
          candidates.add(crops.get(j));
        }
      }
      rows.add(
          v2(
              MiniPrompts.GD_INST,
              MiniPrompts.quoted(target),
              scenes.get(i),
              MiniPrompts.GD_TARGET_INST,
              blanks(candidates.size()),
              candidates));
    }
    return rows;
  }

  private static String path(String task, int index) {
    return String.format("%s/%04d.png", task, index);
  }

  static List<String> blanks(int count) {
    return Collections.nCopies(count, "");
  }

  static Map<String, Object> v1(
      String qryText, String qryImage, List<String> tgtTexts, List<String> tgtImages) {
    return Map.of(
        "qry_text",
        qryText,
        "qry_img_path",
        qryImage,
        "tgt_text",
        tgtTexts,
        "tgt_img_path",
        tgtImages);
  }

  static Map<String, Object> v2(
      String qryInst,
      String qryText,
      String qryImage,
      String tgtInst,
      List<String> tgtTexts,
      List<String> tgtImages) {
    return Map.of(
        "qry_inst", qryInst,
        "qry_text", qryText,
        "qry_img_path", qryImage,
        "tgt_inst", tgtInst,
        "tgt_text", tgtTexts,
        "tgt_img_path", tgtImages);
  }
}
